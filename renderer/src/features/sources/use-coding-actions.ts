import { useMemo, type RefObject } from 'react';
import { codingById } from './coding-index.ts';
import { snapToWords } from '../../../../shared/domain/word-snap.ts';
import { ApiCallError } from '../../api/client.ts';
import type { DocumentHandle } from '../../editor/DocumentEditor.tsx';
import { attempt, useNotices } from '../../ui/notify.ts';
import { useCodebookStore } from '../codebook/store.ts';
import { useMemosStore } from '../memos/store.ts';
import { afterChange } from '../undo/reload.ts';
import { useSourcesStore, type NewCodeTarget, type TextRange } from './store.ts';

export type PickMode = 'apply' | 'unit' | 'change';

const fail = (text: string) => useNotices.getState().push('error', text);

/** A code name from an in-vivo passage: the words themselves, trimmed to a readable length. */
export function inVivoName(quote: string): string {
  const words = quote.replace(/\s+/g, ' ').trim().replace(/^["'“‘(\[]+|["'”’)\].,;:!?]+$/g, '');
  if (words.length <= 60) return words;
  const cut = words.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 30 ? cut.lastIndexOf(' ') : 60)}…`;
}

/**
 * Every coding action of the workbench in one place, whatever triggered it (toolbar, keys,
 * codebook click, drop, dialog). Each keeps focus in the document afterwards and tells the
 * status line what it did.
 */
export function useCodingActions(doc: RefObject<DocumentHandle | null>) {
  return useMemo(() => {
    const s = () => useSourcesStore.getState();
    const codeName = (id: number) => useCodebookStore.getState().codes.find((c) => c.id === id)?.name ?? 'code';
    /** After a change: counts and undo label follow in the background; focus back to the text. */
    const settle = () => {
      void attempt(() => Promise.all([useCodebookStore.getState().load(), afterChange()]));
      doc.current?.focus();
    };
    const prepared = (range: TextRange | null): TextRange | null => {
      const text = s().detail?.text;
      if (!range || !text) return null;
      return s().snapToWords ? snapToWords(text, range.start, range.end) : range;
    };
    const selection = () => prepared(s().selection);
    /**
     * After coding a passage the text selection gives way, so the new coding's highlight shows
     * what was coded; the caret waits at its end for the next passage.
     */
    const showCoded = (coding: { end: number }) => doc.current?.placeCaret(coding.end);

    const apply = (codeId: number, over?: TextRange) =>
      attempt(async () => {
        const range = over ? prepared(over) : selection();
        if (!range) return fail('Select a passage in the document first, then choose a code.');
        const coding = await s().apply(codeId, range, `Coded ${range.end - range.start} characters as “${codeName(codeId)}”`);
        settle();
        showCoded(coding);
      });

    const applyToUnit = (codeId: number) =>
      attempt(async () => {
        const block = doc.current?.blockAtCaret();
        if (!block?.unit) return fail('Put the caret in a speaker turn, answer or paragraph first.');
        await s().applyToUnit(block.unit.id, codeId, (c) => `Coded the whole ${block.kind} (${c.end - c.start} characters) as “${codeName(codeId)}”`);
        settle();
      });

    const applyKey = (index: number, wholeUnit: boolean) => {
      const codes = useCodebookStore.getState().codes;
      const codeId = s().keySlots[index];
      if (codeId == null || !codes.some((c) => c.id === codeId)) {
        return fail(`Key ${index + 1} applies no code yet: the first nine codes you use take keys 1–9 and keep them; change them in the Codebook view.`);
      }
      void (wholeUnit ? applyToUnit(codeId) : apply(codeId));
    };

    /** "Create … and apply it" in the code picker: the new code and its coding are one undo step. */
    const createAndApply = (name: string, mode: PickMode) =>
      attempt(async () => {
        let target: NewCodeTarget;
        if (mode === 'unit') {
          const block = doc.current?.blockAtCaret();
          if (!block?.unit) return fail('Put the caret in a speaker turn, answer or paragraph first.');
          target = { kind: 'unit', unitId: block.unit.id };
        } else if (mode === 'change') {
          const id = s().selectedCodingId;
          if (id === null) return fail('Select a coding first: click its stripe in the margin or press Alt+↓.');
          target = { kind: 'recode', codingId: id };
        } else {
          const range = selection();
          if (!range) return fail('Select a passage in the document first, then choose a code.');
          target = { kind: 'passage', ...range };
        }
        await s().createAndCode(name, target, false, (c) => `New code “${name}” applied to ${c.end - c.start} characters`);
        settle();
      });

    const inVivo = () =>
      attempt(async () => {
        const range = selection();
        const text = s().detail?.text;
        if (!range || !text) return fail('Select the words to use as the code name first.');
        const name = inVivoName(text.slice(range.start, range.end));
        const existing = useCodebookStore.getState().codes.find((c) => c.parentId === null && c.name.toLowerCase() === name.toLowerCase());
        // A new in-vivo code and its coding are one step: one undo takes both away.
        if (existing) await s().apply(existing.id, range, `In-vivo code “${name}” applied`);
        else await s().createAndCode(name, { kind: 'passage', ...range }, true, () => `In-vivo code “${name}” applied`);
        settle();
      });

    const createInductive = (name: string, memo: string) =>
      attempt(async () => {
        const range = selection();
        if (!range) return fail('Select the passage the new category comes from.');
        await s().createInductive(name, memo, range, `New inductive category “${name}” created from this passage`);
        void attempt(() => useMemosStore.getState().load());
        settle();
        return true;
      });

    const removeSelected = () =>
      attempt(async () => {
        const id = s().selectedCodingId;
        const coding = codingById(s().codings, id);
        if (!coding) return;
        await s().removeCoding(coding.id, `Removed the coding “${codeName(coding.codeId)}”`);
        settle();
      });

    const changeCode = (codeId: number) =>
      attempt(async () => {
        const id = s().selectedCodingId;
        if (id === null) return fail('Select a coding first: click its stripe in the margin or press Alt+↓.');
        await s().changeCode(id, codeId, `Recoded as “${codeName(codeId)}”`);
        settle();
      });

    const startAdjust = () => {
      const coding = codingById(s().codings, s().selectedCodingId);
      if (!coding) return;
      s().setAdjusting(coding.id);
      doc.current?.selectRange(coding);
      s().setStatus('Change the selection (Shift+arrows or the mouse), then press Enter to keep it or Esc to cancel.');
    };

    const commitAdjust = () =>
      attempt(async () => {
        const id = s().adjustingId;
        const range = selection();
        if (id === null) return;
        if (!range) return fail('Select the new extent of the passage, then press Enter.');
        try {
          await s().adjust(id, range, `Boundaries changed: ${range.end - range.start} characters`);
        } catch (err) {
          if (err instanceof ApiCallError) s().setAdjusting(null);
          throw err;
        }
        doc.current?.placeCaret(range.start);
        settle();
      });

    const cancelAdjust = () => {
      s().setAdjusting(null);
      s().setStatus('');
    };

    const memoOnSelected = () => {
      const id = s().selectedCodingId;
      if (id !== null) useMemosStore.getState().open({ kind: 'coding', id });
    };

    const selectCoding = (id: number | null) => {
      s().selectCoding(id);
      if (id === null) return;
      const coding = codingById(s().codings, id);
      if (coding) {
        doc.current?.placeCaret(coding.start);
        doc.current?.scrollToCoding(id);
        s().setStatus(`Selected: “${codeName(coding.codeId)}” by ${coding.coderName} — Delete removes, Ctrl+K recodes, F2 adjusts, Ctrl+M memo`);
      }
      doc.current?.focus();
    };

    return { apply, applyToUnit, applyKey, createAndApply, inVivo, createInductive, removeSelected, changeCode, startAdjust, commitAdjust, cancelAdjust, memoOnSelected, selectCoding };
  }, [doc]);
}

export type CodingActions = ReturnType<typeof useCodingActions>;
