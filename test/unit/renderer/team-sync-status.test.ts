import { describe, expect, it } from 'vitest';
import type { TeamSyncStatus } from '../../../shared/api/methods/team-sync.ts';
import { statusLine } from '../../../renderer/src/features/team-sync/store.ts';

const base: TeamSyncStatus = {
  joined: true, server: 'http://127.0.0.1:4870/', teamProject: 'p1', user: 'Ben', role: 'coder', pending: 0, cursor: 4,
  lastSyncAt: null, lastError: null, connected: true, unseenNotices: 0, notices: [],
};
// Built from local time parts, so the expected clock does not depend on the machine's time zone.
const at = new Date(2026, 10, 28, 14, 2).toISOString();

describe('the team status line', () => {
  it('says when it last synced, or what waits to be sent', () => {
    expect(statusLine({ ...base, lastSyncAt: at })).toEqual({ text: 'Team · synced 14:02', tone: 'ok' });
    expect(statusLine(base).text).toBe('Team · not synced yet');
    expect(statusLine({ ...base, lastSyncAt: at, pending: 3 })).toEqual({ text: 'Team · 3 changes to send', tone: 'busy' });
    expect(statusLine({ ...base, pending: 1 }).text).toBe('Team · 1 change to send');
  });

  it('says offline, with what waits, while the server cannot be reached', () => {
    const offline = { ...base, lastSyncAt: at, connected: false, lastError: 'The team server at http://127.0.0.1:4870/ cannot be reached (ECONNREFUSED).' };
    expect(statusLine({ ...offline, pending: 12 })).toEqual({ text: 'Team · offline — 12 changes waiting, retrying', tone: 'warn' });
    expect(statusLine(offline).text).toBe('Team · offline, retrying');
    // Connected, but the last sync failed (a refusal): not called offline.
    expect(statusLine({ ...offline, connected: true, pending: 2 }).text).toBe('Team · sync failed — 2 changes waiting');
  });

  it('says a reviewer’s replica is read-only', () => {
    expect(statusLine({ ...base, role: 'reviewer', lastSyncAt: at }).text).toBe('Reviewer: read-only replica · synced 14:02');
  });
});
