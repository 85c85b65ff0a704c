import { useCodebookStore } from '../codebook/store.ts';
import { useParticipantsStore } from '../participants/store.ts';
import { useSourcesStore } from '../sources/store.ts';
import { afterChange } from '../undo/reload.ts';
import { MemoDialog } from './MemoDialog.tsx';
import { useMemosStore, type MemoTarget } from './store.ts';
import './memos.css';

/** Names what a memo belongs to, for the dialog title and the memo list. */
export function useMemoTargetName(): (target: MemoTarget) => string {
  const codes = useCodebookStore((s) => s.codes);
  const sources = useSourcesStore((s) => s.sources);
  const codings = useSourcesStore((s) => s.codings);
  const participants = useParticipantsStore((s) => s.participants);
  return (t) => {
    switch (t.kind) {
      case 'project': return 'the project';
      case 'code': return `code “${codes.find((c) => c.id === t.id)?.name ?? t.id}”`;
      case 'source': return `source “${sources.find((s) => s.id === t.id)?.name ?? t.id}”`;
      case 'participant': return `participant ${participants.find((p) => p.id === t.id)?.label ?? t.id}`;
      case 'coding': {
        const coding = codings.find((c) => c.id === t.id);
        const code = coding && codes.find((c) => c.id === coding.codeId);
        return coding ? `passage coded “${code?.name ?? '?'}”` : 'a coded passage';
      }
    }
  };
}

/** The one memo editor dialog of the app, opened through the memos store from anywhere. */
export function MemoDialogHost() {
  const editing = useMemosStore((s) => s.editing);
  const close = useMemosStore((s) => s.close);
  const nameOf = useMemoTargetName();
  if (!editing) return null;
  const { target } = editing;
  return (
    <MemoDialog
      key={`${target.kind}:${target.id}:${editing.memoId}`}
      target={target}
      about={nameOf(target)}
      memoId={editing.memoId}
      {...(editing.title ? { initialTitle: editing.title } : {})}
      onClose={close}
      onSaved={() => {
        void afterChange();
        if (target.kind === 'coding' && target.id !== null) void useSourcesStore.getState().refreshCoding(target.id).catch(() => undefined);
      }}
    />
  );
}
