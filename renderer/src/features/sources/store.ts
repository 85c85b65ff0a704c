import { create } from 'zustand';
import { changedList, codingById } from './coding-index.ts';
import type { CodingsChange } from '../../editor/coding-model.ts';
import type { Coding, SourceDetail, SourceSummary } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';

export type TextRange = { start: number; end: number };
/** Where a code made on the spot goes: the selected passage, a whole unit, or a coding it takes over. */
export type NewCodeTarget = { kind: 'passage'; start: number; end: number } | { kind: 'unit'; unitId: number } | { kind: 'recode'; codingId: number };

type SourcesState = {
  sources: SourceSummary[];
  openId: number | null;
  detail: SourceDetail | null;
  codings: Coding[];
  /** How `codings` came from the list before it, when one action changed it (null after a load). */
  codingsDelta: CodingsDelta | null;
  /** The current text selection in the document (source offsets), kept while focus is elsewhere. */
  selection: TextRange | null;
  selectedCodingId: number | null;
  /** A coding whose boundaries are being changed: the next selection becomes its range. */
  adjustingId: number | null;
  /** Codes applied most recently, newest first: the code picker lists them first. */
  recentCodeIds: number[];
  /** Number keys 1–9: slot i holds the code key i + 1 applies. Stable: set by first use or by the researcher. */
  keySlots: (number | null)[];
  loadKeys: () => Promise<void>;
  setKey: (key: number, codeId: number | null) => Promise<void>;
  snapToWords: boolean;
  /** Coders whose codings the document does not show, for the project at `project` (all shown by default). */
  hiddenCoders: { project: string; ids: number[] } | null;
  setHiddenCoders: (project: string, ids: number[]) => void;
  /** Set by Ctrl+E (anywhere): the workbench puts the caret in the document text once it is drawn. */
  focusPending: boolean;
  requestDocumentFocus: (pending?: boolean) => void;
  /** One line about the last coding action, announced politely to screen readers. */
  status: string;
  setStatus: (status: string) => void;
  load: () => Promise<void>;
  openSource: (id: number) => Promise<void>;
  reloadCodings: () => Promise<void>;
  setSelection: (range: TextRange | null) => void;
  selectCoding: (id: number | null) => void;
  setAdjusting: (id: number | null) => void;
  setSnapToWords: (on: boolean) => void;
  // Each change takes the status line to show with it: one render for the list and the line.
  apply: (codeId: number, range: TextRange, status?: string) => Promise<Coding>;
  applyToUnit: (unitId: number, codeId: number, status?: (c: Coding) => string) => Promise<Coding>;
  removeCoding: (id: number, status?: string) => Promise<void>;
  changeCode: (id: number, codeId: number, status?: string) => Promise<Coding>;
  adjust: (id: number, range: TextRange, status?: string) => Promise<Coding>;
  refreshCoding: (id: number) => Promise<void>;
  createInductive: (name: string, memo: string, range: TextRange, status?: string) => Promise<{ codeId: number; codingId: number }>;
  /** A new code and its first coding in one undoable step (in vivo; "Create … and apply it"). */
  createAndCode: (name: string, target: NewCodeTarget, inVivo: boolean, status?: (c: Coding) => string) => Promise<Coding>;
};

const RECENT_KEY = 'marginalia.recentCodes';
const SNAP_KEY = 'marginalia.snapToWords';
const NO_KEYS: (number | null)[] = Array<number | null>(9).fill(null);

const readRecent = (): number[] => {
  try {
    const v = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((n): n is number => Number.isInteger(n)).slice(0, 9) : [];
  } catch {
    return [];
  }
};

/** A single action's change to the open source's codings, the list it applies to, and the codings it took out. */
export type CodingsDelta = { from: readonly Coding[]; change: CodingsChange; gone: readonly Coding[] };

/**
 * The list with `added` in (replacing codings of the same id) and `removed` out, and the
 * change itself, so the document places only what changed instead of every coding again.
 */
const patch = (list: Coding[], added: Coding[], removed: number[] = []): { codings: Coding[]; codingsDelta: CodingsDelta } => {
  const { codings, gone } = changedList(list, added, removed);
  return { codings, codingsDelta: { from: list, change: { added, removed }, gone } };
};
/** Replaces or adds one coding; `dropId` is a coding that collapsed into it. */
const upsert = (list: Coding[], coding: Coding, dropId?: number) => patch(list, [coding], dropId === undefined ? [] : [dropId]);

/**
 * The view shows a coding's quote only by its start (stripe labels, the selected coding's
 * line): listings come with quotes cut to this many characters, which at 100,000 codings is
 * tens of megabytes less to send and parse. The full words are in the source's text.
 */
const VIEW_QUOTE_CHARS = 120;

/** Codings drawn before the backend has answered have ids below zero, each its own. */
let pendingId = 0;

/**
 * The open source, its codings and the coding view's own state. Single changes patch the
 * list with what the command returned, so a view with thousands of codings does not reload
 * them all after every click; undo/redo and other views call reloadCodings.
 */
export const useSourcesStore = create<SourcesState>((set, get) => {
  const recentWith = (codeId: number) => {
    const recentCodeIds = [codeId, ...get().recentCodeIds.filter((id) => id !== codeId)].slice(0, 9);
    localStorage.setItem(RECENT_KEY, JSON.stringify(recentCodeIds));
    return recentCodeIds;
  };
  /** A code used for the first time takes the first free number key; keys never reshuffle. */
  const claimKey = async (codeId: number) => {
    const slots = get().keySlots;
    if (!slots.includes(codeId) && slots.includes(null)) set({ keySlots: await call('codes.claimKey', { codeId }) });
  };
  // Coding counts in the sources list follow in the background; the view does not wait for them.
  const refreshList = () => void call('sources.list', {}).then((sources) => set({ sources }), () => undefined);
  const sourceId = () => {
    const { openId } = get();
    if (openId === null) throw new Error('Open a source first.');
    return openId;
  };
  return {
    sources: [],
    openId: null,
    detail: null,
    codings: [],
    codingsDelta: null,
    selection: null,
    selectedCodingId: null,
    adjustingId: null,
    recentCodeIds: readRecent(),
    keySlots: NO_KEYS,
    focusPending: false,
    requestDocumentFocus: (pending = true) => set({ focusPending: pending }),
    loadKeys: async () => set({ keySlots: await call('codes.keys', {}) }),
    setKey: async (key, codeId) => set({ keySlots: await call('codes.setKey', { key, codeId }) }),
    // On unless the researcher turned it off: a sloppy drag should not code half a word or drop a full stop.
    snapToWords: localStorage.getItem(SNAP_KEY) !== '0',
    hiddenCoders: null,
    setHiddenCoders: (project, ids) => set({ hiddenCoders: ids.length > 0 ? { project, ids } : null }),
    status: '',
    setStatus: (status) => set({ status }),
    load: async () => {
      const [sources, keySlots] = await Promise.all([call('sources.list', {}), call('codes.keys', {})]);
      set({ sources, keySlots });
      const { openId, detail } = get();
      if (openId === null) return;
      const summary = sources.find((s) => s.id === openId);
      if (!summary) set({ openId: null, detail: null, codings: [], codingsDelta: null, selection: null, selectedCodingId: null, adjustingId: null });
      // Another project may have a source with the same id: reopen when it is not the same source.
      else if (detail && (detail.name !== summary.name || detail.length !== summary.length || detail.importedAt !== summary.importedAt)) {
        set({ detail: null });
        await get().openSource(openId);
      }
    },
    openSource: async (id) => {
      if (get().openId === id && get().detail) return;
      set({ openId: id, selection: null, selectedCodingId: null, adjustingId: null, status: '' });
      const [detail, codings] = await Promise.all([call('sources.get', { id }), call('codings.listForSource', { sourceId: id, quoteChars: VIEW_QUOTE_CHARS })]);
      if (get().openId === id) set({ detail, codings, codingsDelta: null });
    },
    reloadCodings: async () => {
      const { openId } = get();
      if (openId === null) return;
      const codings = await call('codings.listForSource', { sourceId: openId, quoteChars: VIEW_QUOTE_CHARS });
      if (get().openId !== openId) return;
      const selectedCodingId = codingById(codings, get().selectedCodingId) ? get().selectedCodingId : null;
      set({ codings, codingsDelta: null, selectedCodingId, adjustingId: selectedCodingId === null ? null : get().adjustingId });
    },
    // A new selection replaces the last action's status line; a caret move leaves it.
    setSelection: (selection) => set({ selection, status: selection && get().adjustingId === null ? '' : get().status }),
    selectCoding: (selectedCodingId) => set({ selectedCodingId, adjustingId: null }),
    setAdjusting: (adjustingId) => set({ adjustingId }),
    setSnapToWords: (on) => {
      localStorage.setItem(SNAP_KEY, on ? '1' : '0');
      set({ snapToWords: on });
    },
    apply: async (codeId, range, status = '') => {
      const openId = sourceId();
      // Drawn on the next frame, before the backend answers; the answer takes its place, a refusal takes it away.
      const pending: Coding = {
        id: --pendingId, sourceId: openId, codeId, ...range, quote: get().detail?.text.slice(range.start, range.end) ?? '',
        coderId: 0, coderName: '', createdAt: new Date().toISOString(), participantId: null, memoCount: 0,
      };
      // The request goes out first: drawing a dense page can take a frame, the backend need not wait for it.
      const request = call('codings.apply', { sourceId: openId, codeId, ...range });
      set({ ...patch(get().codings, [pending]), status });
      let coding: Coding;
      try {
        coding = await request;
      } catch (err) {
        if (get().openId === openId) set({ ...patch(get().codings, [], [pending.id]), status: '' });
        throw err;
      }
      if (get().openId === openId) set({ ...patch(get().codings, [coding], [pending.id]), recentCodeIds: recentWith(codeId), status });
      refreshList();
      await claimKey(codeId);
      return coding;
    },
    applyToUnit: async (unitId, codeId, status) => {
      const coding = await call('codings.applyToUnit', { unitId, codeId });
      const codings = coding.sourceId === get().openId ? upsert(get().codings, coding) : { codings: get().codings };
      set({ ...codings, recentCodeIds: recentWith(codeId), status: status?.(coding) ?? '' });
      refreshList();
      await claimKey(codeId);
      return coding;
    },
    removeCoding: async (id, status = '') => {
      // Gone on the next frame; put back if the backend refuses.
      const coding = codingById(get().codings, id);
      const openId = get().openId;
      const request = call('codings.remove', { id });
      set({ ...patch(get().codings, [], [id]), selectedCodingId: get().selectedCodingId === id ? null : get().selectedCodingId, adjustingId: null, status });
      try {
        await request;
      } catch (err) {
        if (coding && get().openId === openId && !codingById(get().codings, id)) set({ ...patch(get().codings, [coding]), status: '' });
        throw err;
      }
      refreshList();
    },
    changeCode: async (id, codeId, status = '') => {
      const coding = await call('codings.changeCode', { id, codeId });
      set({ ...upsert(get().codings, coding, id), selectedCodingId: coding.id, recentCodeIds: recentWith(codeId), status });
      await claimKey(codeId);
      return coding;
    },
    adjust: async (id, range, status = '') => {
      const coding = await call('codings.adjust', { id, ...range });
      set({ ...upsert(get().codings, coding, id), selectedCodingId: coding.id, adjustingId: null, status });
      return coding;
    },
    refreshCoding: async (id) => {
      const coding = await call('codings.get', { id });
      if (coding.sourceId === get().openId) set(upsert(get().codings, coding));
    },
    createAndCode: async (name, target, inVivo, status) => {
      const r = await call('codes.createAndCode', { name, inVivo, target: target.kind === 'passage' ? { ...target, sourceId: sourceId() } : target });
      const drop = target.kind === 'recode' ? target.codingId : undefined;
      const codings = r.coding.sourceId === get().openId ? upsert(get().codings, r.coding, drop) : { codings: get().codings };
      set({ ...codings, recentCodeIds: recentWith(r.code.id), status: status?.(r.coding) ?? '', ...(target.kind === 'recode' ? { selectedCodingId: r.coding.id } : {}) });
      refreshList();
      await claimKey(r.code.id);
      return r.coding;
    },
    createInductive: async (name, memo, range, status = '') => {
      const r = await call('codes.createInductive', { sourceId: sourceId(), name, ...(memo.trim() ? { memo: memo.trim() } : {}), ...range });
      set({ ...upsert(get().codings, r.coding), selectedCodingId: r.coding.id, recentCodeIds: recentWith(r.code.id), status });
      refreshList();
      await claimKey(r.code.id);
      return { codeId: r.code.id, codingId: r.coding.id };
    },
  };
});
