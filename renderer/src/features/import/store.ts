import { create } from 'zustand';
import type { ProgressEvent } from '../../../../shared/api/contract.ts';
import type { ColumnRole, ImportReport, QuestionnaireOptions, SpeakerAction } from '../../../../shared/domain/import-types.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';
import { ApiCallError, call } from '../../api/client.ts';
import { bytesToBase64, newDraft, problemsOf, runOptions, supportedName, tooBig, withPreview, type Draft } from './drafts.ts';

export type Job = { id: string; label: string; done: number; total: number };
export type Choices = { participants: { id: number; label: string; name: string }[]; sections: { id: number; name: string }[] };

type ImportState = {
  open: boolean;
  drafts: Draft[];
  selected: string | null;
  phase: 'editing' | 'running' | 'done';
  job: Job | null;
  /** Why the last run failed (or that it was cancelled). */
  runError: string | null;
  report: ImportReport | null;
  /** Participants and scheme sections to map speakers and questions to. */
  choices: Choices;
  openDialog: (files?: File[]) => void;
  /** A progress event from the one event channel (the dialog listens while it is open). */
  progress: (event: ProgressEvent) => void;
  close: () => void;
  addFiles: (files: File[]) => Promise<void>;
  remove: (key: string) => void;
  removeProblems: () => void;
  select: (key: string) => void;
  setKind: (key: string, kind: SourceKind) => Promise<void>;
  setSourceName: (key: string, name: string) => void;
  setSpeaker: (key: string, action: SpeakerAction) => void;
  setUnattributed: (key: string, participantId: number | null) => void;
  setIdColumn: (key: string, column: string) => Promise<void>;
  setFamily: (key: string, family: QuestionnaireOptions['family']) => Promise<void>;
  setColumn: (key: string, role: ColumnRole) => void;
  run: () => Promise<ImportReport | null>;
  cancel: () => Promise<void>;
};

let counter = 0;
const errorText = (err: unknown) => (err instanceof ApiCallError ? err.error.message : err instanceof Error ? err.message : String(err));

export const useImportStore = create<ImportState>((set, get) => {
  const patch = (key: string, change: Partial<Draft> | ((d: Draft) => Draft)) =>
    set({ drafts: get().drafts.map((d) => (d.key !== key ? d : typeof change === 'function' ? change(d) : { ...d, ...change })) });
  const draft = (key: string) => get().drafts.find((d) => d.key === key);

  /** Asks the backend what importing the file as its kind would bring in. */
  const refreshPreview = async (key: string, ask: { idColumn?: string; familyId?: number | null } = {}, keepColumns = true) => {
    const d = draft(key);
    if (!d?.stagedId || !d.kind) return;
    patch(key, { status: 'previewing' });
    try {
      const preview = await call('import.preview', { stagedId: d.stagedId, kind: d.kind, ...ask });
      patch(key, (current) => withPreview(current, preview, keepColumns));
    } catch (err) {
      patch(key, { status: 'error', error: errorText(err), preview: null });
    }
  };

  const stageOne = async (file: File, key: string) => {
    const refused = tooBig(file.name, file.size);
    if (refused) return patch(key, { status: 'error', error: refused });
    try {
      const data = supportedName(file.name) ? bytesToBase64(new Uint8Array(await file.arrayBuffer())) : '';
      const [staged] = await call('import.stage', { files: [{ name: file.name, dataBase64: data }] });
      if (!staged) return;
      if (!draft(key)) return void call('import.discard', { stagedIds: [staged.stagedId] });
      patch(key, { stagedId: staged.stagedId, kinds: staged.kinds, kind: staged.suggestedKind, size: staged.size || file.size, ...(staged.error ? { status: 'error', error: staged.error } : {}) });
      if (!staged.error) await refreshPreview(key);
    } catch (err) {
      patch(key, { status: 'error', error: errorText(err) });
    }
  };

  return {
    open: false,
    drafts: [],
    selected: null,
    phase: 'editing',
    job: null,
    runError: null,
    report: null,
    choices: { participants: [], sections: [] },
    openDialog: (files) => {
      if (!get().open) {
        set({ open: true, drafts: [], selected: null, phase: 'editing', job: null, runError: null, report: null });
        void Promise.all([call('participants.list', {}), call('codes.list', {})])
          .then(([participants, codes]) =>
            set({
              choices: {
                participants: participants.map(({ id, label, name }) => ({ id, label, name })),
                sections: codes.filter((c) => c.parentId === null).map(({ id, name }) => ({ id, name })),
              },
            }),
          )
          .catch(() => undefined);
      }
      if (files && files.length > 0) void get().addFiles(files);
    },
    progress: (e) => {
      const job = get().job;
      if (job && e.jobId === job.id && !e.finished) set({ job: { id: job.id, label: e.label, done: e.done, total: e.total } });
    },
    close: () => {
      if (get().phase === 'running') return;
      const stagedIds = get().drafts.flatMap((d) => (d.stagedId ? [d.stagedId] : []));
      if (stagedIds.length > 0 && get().phase !== 'done') void call('import.discard', { stagedIds }).catch(() => undefined);
      set({ open: false, drafts: [], selected: null, phase: 'editing', job: null, runError: null, report: null });
    },
    addFiles: async (files) => {
      if (get().phase === 'done') set({ drafts: [], phase: 'editing', report: null });
      const added = files.map((f) => newDraft(`f${++counter}`, f.name, f.size));
      set({ drafts: [...get().drafts, ...added], selected: get().selected ?? added[0]?.key ?? null, runError: null });
      // One file per request keeps each request small and lets the list fill in as files arrive.
      for (const [i, file] of files.entries()) await stageOne(file, added[i]!.key);
    },
    remove: (key) => {
      const d = draft(key);
      if (d?.stagedId) void call('import.discard', { stagedIds: [d.stagedId] }).catch(() => undefined);
      const drafts = get().drafts.filter((x) => x.key !== key);
      const at = get().drafts.findIndex((x) => x.key === key);
      const selected = get().selected === key ? (drafts[Math.min(at, drafts.length - 1)]?.key ?? null) : get().selected;
      set({ drafts, selected, runError: null });
    },
    removeProblems: () => {
      for (const d of get().drafts) if (d.status === 'error') get().remove(d.key);
    },
    select: (key) => set({ selected: key }),
    setKind: async (key, kind) => {
      patch(key, { kind, preview: null, speakers: [], questionnaire: null });
      await refreshPreview(key);
    },
    setSourceName: (key, name) => patch(key, { sourceName: name }),
    setSpeaker: (key, action) => patch(key, (d) => ({ ...d, speakers: d.speakers.map((s) => (s.speaker === action.speaker ? action : s)) })),
    setUnattributed: (key, participantId) => patch(key, { unattributedParticipantId: participantId }),
    setIdColumn: async (key, column) => {
      const d = draft(key);
      const family = d?.questionnaire?.family;
      await refreshPreview(key, { idColumn: column, ...(family ? { familyId: family.mode === 'update' ? family.familyId : null } : {}) });
    },
    setFamily: async (key, family) => {
      const d = draft(key);
      if (!d?.questionnaire) return;
      patch(key, { questionnaire: { ...d.questionnaire, family } });
      const idColumn = d.questionnaire.idColumn;
      await refreshPreview(key, { ...(idColumn ? { idColumn } : {}), familyId: family.mode === 'update' ? family.familyId : null }, false);
    },
    setColumn: (key, role) =>
      patch(key, (d) => (d.questionnaire ? { ...d, questionnaire: { ...d.questionnaire, columns: d.questionnaire.columns.map((c) => (c.column === role.column ? role : c)) } } : d)),
    run: async () => {
      const drafts = get().drafts;
      const labels = new Set(get().choices.participants.map((p) => p.label.toLowerCase()));
      if (drafts.length === 0 || drafts.some((d) => problemsOf(d, labels).length > 0)) return null;
      const id = `ui-${Date.now().toString(36)}-${++counter}`;
      set({ phase: 'running', runError: null, job: { id, label: 'Starting', done: 0, total: drafts.length } });
      try {
        const report = await call('import.run', { jobId: id, files: drafts.map(runOptions) });
        set({ phase: 'done', report, job: null });
        return report;
      } catch (err) {
        const message = errorText(err);
        const field = err instanceof ApiCallError ? err.error.field : undefined;
        const at = field ? /^files\.(\d+)/.exec(field) : null;
        set({ phase: 'editing', job: null, runError: message, ...(at ? { selected: drafts[Number(at[1])]?.key ?? get().selected } : {}) });
        return null;
      }
    },
    cancel: async () => {
      const job = get().job;
      if (job) await call('import.cancel', { jobId: job.id });
    },
  };
});
