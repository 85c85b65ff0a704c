import { create } from 'zustand';
import type { AgreementLevel, AgreementReport } from '../../../../shared/domain/team/agreement.ts';
import type { PassageList, TeamCoder } from '../../../../shared/domain/team/api-types.ts';
import type { Decision } from '../../../../shared/domain/team/passages.ts';
import { call } from '../../api/client.ts';

export const CONSENSUS = 'Consensus';

type TeamState = {
  loaded: boolean;
  /** The Team view is on screen: only then does an undo elsewhere recompute the agreement. */
  shown: boolean;
  /** The project the choice belongs to: another project starts afresh. */
  project: string | null;
  coders: TeamCoder[];
  /** The coders compared, in the order chosen (the first two are the pair the differences show). */
  chosen: number[];
  /** Sources compared; null: every source. */
  sourceIds: number[] | null;
  level: AgreementLevel;
  report: AgreementReport | null;
  /** The code whose differences show; null: every code. */
  codeId: number | null;
  passages: PassageList | null;
  busy: boolean;
  load: (project?: string) => Promise<void>;
  /** After an undo or a merge: reload what is shown, if the view is on screen. */
  reloadIfLoaded: () => Promise<void>;
  toggleCoder: (id: number) => Promise<void>;
  setSources: (ids: number[] | null) => Promise<void>;
  setLevel: (level: AgreementLevel) => Promise<void>;
  showCode: (codeId: number | null) => Promise<void>;
  reconcile: (p: { sourceId: number; codeId: number; start: number; end: number }, decision: Decision) => Promise<void>;
};

/** Two coders to start with: the two with most codings, the consensus coder last. */
function firstPair(coders: readonly TeamCoder[]): number[] {
  return [...coders]
    .filter((c) => c.codings > 0)
    .sort((a, b) => Number(a.consensus) - Number(b.consensus) || b.codings - a.codings)
    .slice(0, 2)
    .map((c) => c.id);
}

export const useTeamStore = create<TeamState>((set, get) => {
  /** The agreement table and the differences for the current choice. */
  const compute = async () => {
    const { chosen, sourceIds, level, codeId } = get();
    if (chosen.length < 2) {
      set({ report: null, passages: null });
      return;
    }
    set({ busy: true });
    try {
      const sources = sourceIds === null ? {} : { sourceIds };
      const [report, passages] = await Promise.all([
        call('team.agreement', { coderIds: chosen, level, ...sources }),
        call('team.passages', { first: chosen[0]!, second: chosen[1]!, consensus: CONSENSUS, ...sources, ...(codeId === null ? {} : { codeIds: [codeId] }) }),
      ]);
      set({ report, passages });
    } finally {
      set({ busy: false });
    }
  };
  return {
    loaded: false,
    shown: false,
    project: null,
    coders: [],
    chosen: [],
    sourceIds: null,
    level: 'character',
    report: null,
    codeId: null,
    passages: null,
    busy: false,
    load: async (project) => {
      if (project !== undefined && project !== get().project) set({ project, loaded: false, chosen: [], sourceIds: null, codeId: null, report: null, passages: null });
      const coders = await call('team.coders', {});
      const known = new Set(coders.map((c) => c.id));
      const kept = get().chosen.filter((id) => known.has(id));
      const chosen = get().loaded && kept.length >= 2 ? kept : firstPair(coders);
      set({ coders, chosen, loaded: true });
      await compute();
    },
    reloadIfLoaded: async () => {
      if (get().shown) await get().load();
    },
    toggleCoder: async (id) => {
      const { chosen } = get();
      set({ chosen: chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id] });
      await compute();
    },
    setSources: async (sourceIds) => {
      set({ sourceIds });
      await compute();
    },
    setLevel: async (level) => {
      set({ level });
      await compute();
    },
    showCode: async (codeId) => {
      set({ codeId });
      await compute();
    },
    reconcile: async (p, decision) => {
      const { chosen } = get();
      await call('team.reconcile', { first: chosen[0]!, second: chosen[1]!, ...p, decision, consensus: CONSENSUS });
      await get().load();
    },
  };
});
