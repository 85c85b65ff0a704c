import { afterEach, describe, expect, it } from 'vitest';
import type { Code, Coding, SourceSummary as Source } from '../../../shared/domain/types.ts';
import { listOutbox, pendingCount } from '../../../electron/backend/repositories/team-sync.ts';
import { entryHash } from '../../../electron/backend/team-sync/chain.ts';
import { projectContent } from '../../../electron/backend/team-sync/content-hash.ts';
import { testHost } from '../../helpers/project.ts';
import { fakeTeam, settle, type Replica } from './fake-team.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

async function team(users: string[]) {
  const t = await fakeTeam(users);
  cleanups.push(t.cleanup);
  return t;
}

async function firstSourceAndCodes(r: Replica): Promise<{ source: Source; codes: Code[] }> {
  const sources = (await r.ok('sources.list', {})) as Source[];
  const codes = (await r.ok('codes.list', {})) as Code[];
  return { source: sources[0]!, codes };
}

/** A team of two (or more) with the demo's first source and its codes. */
async function teamWithSource(users: string[]) {
  const t = await team(users);
  const { source, codes } = await firstSourceAndCodes(t.replicas[0]!);
  return { ...t, source, codes, ana: t.replicas[0]!, ben: t.replicas[1]! };
}

const apply = (r: Replica, sourceId: number, codeId: number, start: number, end: number) => r.ok('codings.apply', { sourceId, codeId, start, end }) as Promise<Coding>;
const codingsOf = (r: Replica, coder: string) => projectContent(r.project().db).codings.filter((c) => (JSON.parse(c) as unknown[])[4] === coder);

describe('team replicas against an in-memory log', () => {
  it('two coders coding at the same time both see both codings, and their projects hold the same content', async () => {
    const { replicas: [ana, ben] } = await team(['ana', 'ben']);
    const { source, codes } = await firstSourceAndCodes(ana!);
    const before = ana!.hash();
    expect(ben!.hash()).toBe(before);
    const mine = await apply(ana!, source.id, codes[1]!.id, 10, 40);
    await apply(ben!, source.id, codes[2]!.id, 50, 90);
    expect(pendingCount(ana!.project().db)).toBe(1);
    await settle([ana!, ben!]);
    expect(ana!.hash()).toBe(ben!.hash());
    expect(ana!.hash()).not.toBe(before);
    expect(codingsOf(ben!, 'ana')).toHaveLength(1);
    expect(codingsOf(ana!, 'ben')).toHaveLength(1);
    // Nothing pending; ana's coding kept its local id, so her open views stay valid.
    expect(pendingCount(ana!.project().db)).toBe(0);
    expect(((await ana!.ok('codings.listForSource', { sourceId: source.id })) as Coding[]).some((c) => c.id === mine.id && c.start === 10)).toBe(true);
  });

  it('three coders: a code one of them makes is used by another after a sync; all three converge', async () => {
    const { replicas } = await team(['ana', 'ben', 'cy']);
    const [ana, ben, cy] = replicas as [Replica, Replica, Replica];
    const { source, codes } = await firstSourceAndCodes(ana);
    const trust = (await ana.ok('codes.create', { name: 'Trust', parentId: null, color: '#336699' })) as Code;
    await apply(ana, source.id, trust.id, 5, 25);
    await apply(ben, source.id, codes[1]!.id, 5, 25);
    await apply(cy, source.id, codes[1]!.id, 5, 25);
    await settle(replicas);
    const benTrust = ((await ben.ok('codes.list', {})) as Code[]).find((c) => c.name === 'Trust')!;
    expect(benTrust).toBeDefined();
    await apply(ben, source.id, benTrust.id, 100, 130);
    await apply(cy, source.id, codes[2]!.id, 200, 230);
    await settle(replicas);
    expect(new Set(replicas.map((r) => r.hash())).size).toBe(1);
    expect(projectContent(cy.project().db).codings.filter((c) => c.includes('"Trust"'))).toHaveLength(2);
  });

  it('a rename racing with a rename of the same code ends the same everywhere: the later one in the log wins', async () => {
    const { replicas } = await team(['ana', 'ben']);
    const [ana, ben] = replicas as [Replica, Replica];
    const { codes } = await firstSourceAndCodes(ana);
    const target = codes.find((c) => c.parentId !== null)!;
    await ana.ok('codes.rename', { id: target.id, name: 'Alpha' });
    await ben.ok('codes.rename', { id: target.id, name: 'Beta' });
    await ana.sync(); // ana's rename is first in the log
    await ben.sync(); // ben's after it
    await ana.sync();
    const names = async (r: Replica) => ((await r.ok('codes.list', {})) as Code[]).find((c) => c.id === target.id)?.name;
    expect(await names(ana)).toBe('Beta');
    expect(await names(ben)).toBe('Beta');
    expect(ana.hash()).toBe(ben.hash());
  });

  it('undoing a pushed coding removes it on the other replica too; redo brings it back there', async () => {
    const { replicas, ana, ben, source, codes } = await teamWithSource(['ana', 'ben']);
    await apply(ana, source.id, codes[1]!.id, 300, 333);
    await settle(replicas);
    expect(codingsOf(ben, 'ana')).toHaveLength(1);
    await ana.ok('undo.undo', {});
    await settle(replicas);
    expect(codingsOf(ben, 'ana')).toHaveLength(0);
    await ana.ok('undo.redo', {});
    await settle(replicas);
    expect(codingsOf(ben, 'ana')).toHaveLength(1);
    expect(ana.hash()).toBe(ben.hash());
  });

  it('a replica offline for hundreds of operations pushes them in batches when it is back, and everyone converges', async () => {
    const { log, replicas, ana, ben, source, codes } = await teamWithSource(['ana', 'ben']);
    ben.offline = true;
    for (let i = 0; i < 300; i++) await apply(ben, source.id, codes[1 + (i % 3)]!.id, i * 3, i * 3 + 2);
    await expect(ben.sync()).rejects.toThrow(/offline/);
    expect(pendingCount(ben.project().db)).toBe(300);
    for (let i = 0; i < 20; i++) await apply(ana, source.id, codes[4]!.id, i * 7, i * 7 + 5);
    await ana.sync();
    const pushesBefore = log.pushes;
    ben.offline = false;
    await settle(replicas);
    expect(log.pushes - pushesBefore).toBeGreaterThanOrEqual(2); // 300 ops: more than one batch
    expect(pendingCount(ben.project().db)).toBe(0);
    expect(codingsOf(ana, 'ben')).toHaveLength(300);
    expect(codingsOf(ben, 'ana')).toHaveLength(20);
    expect(ana.hash()).toBe(ben.hash());
  });

  it('an operation the server refuses is dropped here with its message as a notice, and the replica matches the log again', async () => {
    const { log, replicas, ana, ben, source, codes } = await teamWithSource(['ana', 'ben']);
    log.refuse = (op, user) => (user === 'ben' && op.method === 'codes.rename' ? 'ben may not rename codes' : null);
    await ben.ok('codes.rename', { id: codes[1]!.id, name: 'Renamed by Ben' });
    await apply(ben, source.id, codes[1]!.id, 0, 9);
    await settle(replicas);
    const status = await ben.ok('teamSync.status', {});
    expect(status.pending).toBe(0);
    expect(status.notices.map((n) => n.message)).toContain('ben may not rename codes');
    expect(((await ben.ok('codes.list', {})) as Code[]).some((c) => c.name === 'Renamed by Ben')).toBe(false);
    expect(codingsOf(ana, 'ben')).toHaveLength(1);
    expect(ana.hash()).toBe(ben.hash());
    expect((await ben.ok('teamSync.dismissNotices', {})).dismissed).toBe(1);
    expect((await ben.ok('teamSync.status', {})).unseenNotices).toBe(0);
  });

  it('an entry altered on the server (or on the way) breaks the hash chain: the sync is refused and nothing is applied', async () => {
    const { log, source, codes, ana, ben } = await teamWithSource(['ana', 'ben']);
    await apply(ana, source.id, codes[1]!.id, 10, 40);
    await settle([ana, ben]);
    await apply(ana, source.id, codes[2]!.id, 50, 60);
    await ana.sync();
    const before = ben.hash();
    // Someone moves the passage in the stored log without recomputing its hash.
    const row = log.entries.at(-1)!.changes[0]!.row!;
    row['start'] = 51;
    await expect(ben.sync()).rejects.toThrow(/does not match its hash/);
    expect(ben.hash()).toBe(before);
    // An entry whose hash was recomputed but which no longer follows on from the one ben has.
    log.entries.at(-1)!.prevHash = 'f'.repeat(64);
    const { prevHash, hash: _old, ...content } = log.entries.at(-1)!;
    log.entries.at(-1)!.hash = entryHash(prevHash, content);
    await expect(ben.sync()).rejects.toThrow(/does not follow on/);
    expect(ben.hash()).toBe(before);
    expect((await ben.ok('teamSync.status', {}) as { lastError: string | null }).lastError).toMatch(/follow on/);
  });

  it('a project that is not a replica queues nothing and says it is not joined', async () => {
    const h = testHost();
    cleanups.push(h.cleanup);
    await h.ok('project.openDemo', {});
    const sources = (await h.ok('sources.list', {})) as Source[];
    const codes = (await h.ok('codes.list', {})) as Code[];
    await h.ok('codings.apply', { sourceId: sources[0]!.id, codeId: codes[1]!.id, start: 0, end: 5 });
    expect(listOutbox(h.host.current!.db)).toEqual([]);
    expect((await h.ok('teamSync.status', {})).joined).toBe(false);
  });
});
