import { create } from 'zustand';
import type { Input } from '../../../../shared/api/contract.ts';
import type { AnonymizationReport, AnonymizeSettings, DetectionSummary, OccurrencePage } from '../../../../shared/domain/anonymize/api-types.ts';
import type { AuditPage, VerifyReport } from '../../../../shared/domain/anonymize/integrity-types.ts';
import type { ReviewTerm } from '../../../../shared/domain/anonymize/review.ts';
import type { Decision, DetectionKind } from '../../../../shared/domain/anonymize/types.ts';
import { ApiCallError, call } from '../../api/client.ts';

export type IntegrityTab = 'pseudonymize' | 'audit' | 'manifest';

export type TermFilter = { kind: DetectionKind | ''; status: 'proposed' | 'accept' | 'reject' | ''; search: string };
export type AuditFilter = { coder: string; action: string; entity: string; from: string; to: string; search: string };

export const TERMS_PAGE = 100;
export const OCCURRENCES_PAGE = 50;
export const AUDIT_PAGE = 100;

const NO_AUDIT_FILTER: AuditFilter = { coder: '', action: '', entity: '', from: '', to: '', search: '' };

/** Only the filters that are set, as the API takes them. */
export const auditInput = (f: AuditFilter): Input<'audit.exportCsv'> => {
  const out: Input<'audit.exportCsv'> = {};
  for (const k of ['coder', 'action', 'entity', 'from', 'to', 'search'] as const) if (f[k].trim() !== '') out[k] = f[k].trim();
  return out;
};

type IntegrityState = {
  tab: IntegrityTab;
  setTab: (tab: IntegrityTab) => void;

  settings: AnonymizeSettings | null;
  /** The latest detection of this project in this session; null until "Find identifiers" ran. */
  summary: DetectionSummary | null;
  termFilter: TermFilter;
  terms: ReviewTerm[];
  termsTotal: number;
  termsOffset: number;
  selected: string | null;
  occurrences: OccurrencePage | null;
  occurrencesOffset: number;

  audit: AuditPage | null;
  auditFilter: AuditFilter;
  auditOffset: number;
  verify: VerifyReport | null;
  report: AnonymizationReport | null;

  /** The project (and its opening) what is shown belongs to. */
  project: string | null;
  /** Everything the view shows, fresh, when another project was opened since; true if it was. */
  showProject: (project: string) => boolean;
  loadSettings: () => Promise<void>;
  saveSettings: (input: Input<'anonymize.saveSettings'>) => Promise<void>;
  /** After a detection ran: its summary, then the first page of terms. */
  detected: (summary: DetectionSummary) => Promise<void>;
  /** Reads the latest detection again if the backend still has one (a review resumed). */
  resume: () => Promise<void>;
  setTermFilter: (filter: Partial<TermFilter>) => Promise<void>;
  loadTerms: (offset?: number) => Promise<void>;
  select: (termKey: string | null) => Promise<void>;
  loadOccurrences: (offset?: number) => Promise<void>;
  decideRule: (kind: DetectionKind, decision: Decision | null) => Promise<void>;
  decideTerm: (termKey: string, decision: Decision | null, replacement?: string | null) => Promise<void>;
  decideOccurrence: (key: string, decision: Decision | null) => Promise<void>;

  setAuditFilter: (filter: Partial<AuditFilter>) => Promise<void>;
  loadAudit: (offset?: number) => Promise<void>;
  loadVerify: () => Promise<void>;
  seal: () => Promise<void>;
};

const termInput = (f: TermFilter, offset: number): Input<'anonymize.terms'> => ({
  ...(f.kind ? { kind: f.kind } : {}),
  ...(f.status ? { status: f.status } : {}),
  ...(f.search.trim() ? { search: f.search.trim() } : {}),
  offset,
  limit: TERMS_PAGE,
});

/** Each load remembers its turn: an answer that arrives after a newer request is dropped. */
let termsTurn = 0;
let occurrencesTurn = 0;
let auditTurn = 0;

export const useIntegrityStore = create<IntegrityState>((set, get) => {
  /** A decision changes counts everywhere: the summary, the terms page and the selected term's occurrences. */
  const afterDecision = async (summary: DetectionSummary) => {
    set({ summary });
    await Promise.all([get().loadTerms(get().termsOffset), get().selected ? get().loadOccurrences(get().occurrencesOffset) : Promise.resolve()]);
  };
  return {
    tab: 'pseudonymize',
    setTab: (tab) => set({ tab }),
    settings: null,
    summary: null,
    termFilter: { kind: '', status: '', search: '' },
    terms: [],
    termsTotal: 0,
    termsOffset: 0,
    selected: null,
    occurrences: null,
    occurrencesOffset: 0,
    audit: null,
    auditFilter: NO_AUDIT_FILTER,
    auditOffset: 0,
    verify: null,
    report: null,

    project: null,
    showProject: (project) => {
      if (get().project === project) return false;
      set({ project, settings: null, summary: null, terms: [], termsTotal: 0, termsOffset: 0, selected: null, occurrences: null, occurrencesOffset: 0, audit: null, auditFilter: NO_AUDIT_FILTER, auditOffset: 0, verify: null, report: null });
      return true;
    },
    loadSettings: async () => set({ settings: await call('anonymize.settings', {}) }),
    saveSettings: async (input) => {
      const settings = await call('anonymize.saveSettings', input);
      // The backend forgets the detection when the lists change: so does the review.
      set({ settings, summary: null, terms: [], termsTotal: 0, selected: null, occurrences: null });
    },
    detected: async (summary) => {
      set({ summary, termsOffset: 0 });
      await get().loadTerms(0);
      const first = get().terms[0];
      const keep = get().selected;
      await get().select(keep && get().terms.some((t) => t.key === keep) ? keep : (first?.key ?? null));
    },
    resume: async () => {
      try {
        const page = await call('anonymize.terms', termInput(get().termFilter, 0));
        set({ summary: page.summary, terms: page.terms, termsTotal: page.total, termsOffset: 0 });
      } catch (err) {
        // No detection yet in this session: the review starts with "Find identifiers".
        if (err instanceof ApiCallError && err.error.code === 'conflict') return;
        throw err;
      }
    },
    setTermFilter: async (filter) => {
      set({ termFilter: { ...get().termFilter, ...filter } });
      await get().loadTerms(0);
    },
    loadTerms: async (offset = 0) => {
      if (!get().summary) return;
      const turn = ++termsTurn;
      const page = await call('anonymize.terms', termInput(get().termFilter, offset));
      if (turn === termsTurn) set({ summary: page.summary, terms: page.terms, termsTotal: page.total, termsOffset: offset });
    },
    select: async (termKey) => {
      set({ selected: termKey, occurrences: null, occurrencesOffset: 0 });
      if (termKey) await get().loadOccurrences(0);
    },
    loadOccurrences: async (offset = 0) => {
      const termKey = get().selected;
      if (!termKey) return;
      const turn = ++occurrencesTurn;
      const page = await call('anonymize.occurrences', { termKey, offset, limit: OCCURRENCES_PAGE });
      if (turn === occurrencesTurn && get().selected === termKey) set({ occurrences: page, occurrencesOffset: offset });
    },
    decideRule: async (kind, decision) => afterDecision(await call('anonymize.decide', { scope: 'rule', kind, decision })),
    decideTerm: async (termKey, decision, replacement) =>
      afterDecision(await call('anonymize.decide', { scope: 'term', termKey, decision, ...(replacement === undefined ? {} : { replacement }) })),
    decideOccurrence: async (key, decision) => afterDecision(await call('anonymize.decide', { scope: 'occurrence', key, decision })),

    setAuditFilter: async (filter) => {
      set({ auditFilter: { ...get().auditFilter, ...filter } });
      await get().loadAudit(0);
    },
    loadAudit: async (offset = 0) => {
      const turn = ++auditTurn;
      const audit = await call('audit.list', { ...auditInput(get().auditFilter), offset, limit: AUDIT_PAGE });
      if (turn === auditTurn) set({ audit, auditOffset: offset });
    },
    loadVerify: async () => {
      const [verify, report] = await Promise.all([call('audit.verify', {}), call('audit.anonymizationReport', {})]);
      set({ verify, report });
    },
    seal: async () => {
      set({ verify: await call('audit.seal', {}) });
      await get().loadAudit(0);
    },
  };
});
