import { create } from 'zustand';
import type { AttributeDef, Participant } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';

type ParticipantsState = {
  participants: Participant[];
  attributes: AttributeDef[];
  load: () => Promise<void>;
  create: (label: string, name: string) => Promise<void>;
};

export const useParticipantsStore = create<ParticipantsState>((set, get) => ({
  participants: [],
  attributes: [],
  load: async () => {
    const [participants, attributes] = await Promise.all([call('participants.list', {}), call('attributes.list', {})]);
    set({ participants, attributes });
  },
  create: async (label, name) => {
    await call('participants.create', { label, name });
    await get().load();
  },
}));
