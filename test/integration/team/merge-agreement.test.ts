import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../../electron/backend/check.ts';
import type { Coder } from '../../../shared/domain/types.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { alphaOf, asCoder, codeSource, cohenKappaOf, expectMergeRefused, generatedProject, rng, saveCopy, type Ratings, type Span } from './helpers.ts';

/**
 * Issue 13's scenario end to end through the API: a generated project, two blind coders'
 * copies coded apart (Ben skips the third interview and adds a code), merged back with a
 * conflict the researcher answers, then agreement per code checked against values computed
 * here character by character and unit by unit, and a passage reconciled.
 */

type Work = { bySource: Map<number, Map<string, Span[]>> };

let t: TestHost;
let sources: { id: number; name: string; text: string; turns: Span[]; respondent: Span[] }[];
const ana: Work = { bySource: new Map() };
const ben: Work = { bySource: new Map() };
let anaPath: string;
let benPath: string;
let coders: Map<string, Coder>;
const codeNames = ['Motivation', 'Barriers', 'Cost', 'Support'];

async function applyWork(ok: TestHost['ok'], work: Work, codeIdOf: (name: string) => number): Promise<number> {
  let n = 0;
  for (const [sourceId, byCode] of work.bySource) {
    for (const [name, spans] of byCode) {
      for (const s of spans) {
        await ok('codings.apply', { sourceId, codeId: codeIdOf(name), start: s.start, end: s.end });
        n++;
      }
    }
  }
  return n;
}

const count = (w: Work) => [...w.bySource.values()].reduce((n, m) => n + [...m.values()].reduce((k, s) => k + s.length, 0), 0);

beforeAll(async () => {
  t = testHost();
  const project = await generatedProject(t, 'Study');
  sources = [];
  for (const s of project.sources) {
    const detail = await t.ok('sources.get', { id: s.id });
    const turns = detail.units.filter((u) => u.kind === 'turn').map((u) => ({ start: u.start, end: u.end }));
    const respondent = detail.units.filter((u) => u.kind === 'turn' && u.speaker !== 'Interviewer').map((u) => ({ start: u.start, end: u.end }));
    sources.push({ id: s.id, name: s.name, text: detail.text, turns, respondent });
  }
  const codeId = (name: string) => project.codes.get(name)!.id;
  // The lead's own coding, which blind copies leave out.
  await t.ok('codings.apply', { sourceId: sources[0]!.id, codeId: codeId('Motivation'), ...sources[0]!.respondent[0]! });

  // What each coder will do, decided up front: Ana codes all three interviews, Ben follows her often, skips P3 and adds "Time".
  const nextA = rng(7);
  const nextB = rng(11);
  for (const s of sources) {
    const a = codeSource(nextA, s.respondent, codeNames.map((_, i) => i), 0.4);
    ana.bySource.set(s.id, new Map(codeNames.map((n, i) => [n, a.get(i)!])));
    if (s === sources[2]) continue;
    const b = codeSource(nextB, s.respondent, codeNames.map((_, i) => i), 0.3, { spans: a, follow: 0.65 });
    const byCode = new Map(codeNames.map((n, i) => [n, b.get(i)!]));
    byCode.set('Time', s.respondent.slice(0, 2).map((r) => ({ start: r.start, end: r.start + 12 })));
    ben.bySource.set(s.id, byCode);
  }
}, 60_000);

afterAll(() => t?.cleanup());

describe('distributing coders’ copies', () => {
  it('makes a blind copy per coder: same sources and codebook, none of the others’ codings, a manifest naming coder and project', async () => {
    const copy = await t.ok('team.distribute', { coder: 'Ana', blind: true });
    expect(copy.file.fileName).toMatch(/\.marginalia$/);
    expect(copy.manifest).toMatchObject({ projectName: 'Study', coder: 'Ana', blind: true, lastCodingId: 0 });
    expect(copy.manifest.codes.map((c) => c.name).sort()).toEqual(['Barriers', 'Cost', 'Motivation', 'Support']);
    expect(copy.counts).toMatchObject({ sources: 3, codes: 4, codings: 0, codingsLeftOut: 1 });
    anaPath = saveCopy(t, copy, 'Study – Ana.marginalia');
    benPath = saveCopy(t, await t.ok('team.distribute', { coder: 'Ben', blind: true }), 'Study – Ben.marginalia');

    // In the coder's app: the interviews are there, nobody's codings, nothing to undo.
    await asCoder(t, 'Ana', anaPath, async (ok) => {
      const info = await ok('project.info', {});
      expect(info.name).toBe('Study – Ana');
      expect(info.counts).toMatchObject({ sources: 3, codes: 4, codings: 0 });
      expect((await ok('undo.state', {})).canUndo).toBe(false);
    });
    // A copy with the others' codings keeps the lead's.
    const open = await t.ok('team.distribute', { coder: 'Cleo', blind: false });
    expect(open.counts).toMatchObject({ codings: 1, codingsLeftOut: 0 });
    expect(open.manifest.lastCodingId).toBeGreaterThan(0);
  });
});

describe('merging the copies back', () => {
  it('codes the copies apart (Ana renames a code; meanwhile the project renames it too)', async () => {
    await asCoder(t, 'Ana', anaPath, async (ok) => {
      const codes = await ok('codes.list', {});
      const id = (n: string) => codes.find((c) => c.name === n)!.id;
      expect(await applyWork(ok, ana, id)).toBe(count(ana));
      await ok('codes.rename', { id: id('Support'), name: 'Assistance' });
    });
    await asCoder(t, 'Ben', benPath, async (ok) => {
      const time = await ok('codes.create', { name: 'Time', parentId: null });
      const codes = await ok('codes.list', {});
      const id = (n: string) => codes.find((c) => c.name === n)!.id;
      expect(await applyWork(ok, ben, id)).toBe(count(ben));
      const [first] = await ok('codings.listForSource', { sourceId: sources[0]!.id });
      await ok('memos.create', { targetKind: 'coding', targetId: first!.id, title: 'Unsure', body: '<p>Is this motivation or support?</p>' });
      expect(time.name).toBe('Time');
    });
    const support = (await t.ok('codes.list', {})).find((c) => c.name === 'Support')!;
    await t.ok('codes.rename', { id: support.id, name: 'Help' });
  });

  it('shows the conflict, refuses to merge until it is answered, then merges Ana’s work as one step', async () => {
    const staged = await t.ok('team.stage', { file: { path: anaPath } });
    expect(staged).toMatchObject({ format: 'marginalia', manifest: { coder: 'Ana' } });
    const plan = await t.ok('team.preview', { stagedId: staged.stagedId });
    const conflict = plan.items.find((i) => i.conflict)!;
    expect(conflict).toMatchObject({ kind: 'code-renamed', subject: 'Code Help', choice: null });
    expect(conflict.detail).toContain('“Help” here, “Assistance” in the copy');
    expect(plan.coders).toEqual([{ name: 'Ana', codings: count(ana), memos: 0, existing: false }]);

    await expectMergeRefused(t, staged.stagedId, 'Choose what to do before merging');

    const report = await t.ok('team.merge', { stagedId: staged.stagedId, decisions: { [conflict.id]: 'ours' } });
    expect(report.counts).toMatchObject({ coders: 1, codings: count(ana), codesRenamed: 0, codesAdded: 0, sourcesMatched: 3 });
    expect(report.decisions).toContainEqual(expect.objectContaining({ subject: 'Code Help', answer: 'Keep “Help”' }));
    expect((await t.ok('undo.state', {})).undoLabel).toBe('Merge ‘Study – Ana.marginalia’ (Ana)');
    expect((await t.ok('codes.list', {})).map((c) => c.name).sort()).toEqual(['Barriers', 'Cost', 'Help', 'Motivation']);
    // The staged copy is gone once merged.
    expect((await t.host.call('team.preview', { stagedId: staged.stagedId })).ok).toBe(false);
  });

  it('merges Ben’s copy with his new code and his memo, and takes it back with one undo', async () => {
    const staged = await t.ok('team.stage', { file: { path: benPath } });
    const plan = await t.ok('team.preview', { stagedId: staged.stagedId });
    expect(plan.items.find((i) => i.kind === 'code-new')).toMatchObject({ subject: 'Code Time', choice: 'add' });
    // Ben never saw the project's rename of Support, so that is no conflict.
    expect(plan.items.filter((i) => i.conflict)).toEqual([]);
    const codingsBefore = (await t.ok('project.info', {})).counts.codings;
    const report = await t.ok('team.merge', { stagedId: staged.stagedId });
    expect(report.counts).toMatchObject({ codings: count(ben), codesAdded: 1, memos: 1 });
    const info = await t.ok('project.info', {});
    expect(info.counts.codings).toBe(codingsBefore + count(ben));
    coders = new Map((await t.ok('coders.list', {})).map((c) => [c.name, c]));
    expect([...coders.keys()].sort()).toEqual(['Ana', 'Ben', 'tester']);

    await t.ok('undo.undo', {});
    expect((await t.ok('project.info', {})).counts.codings).toBe(codingsBefore);
    expect((await t.ok('codes.list', {})).some((c) => c.name === 'Time')).toBe(false);
    await t.ok('undo.redo', {});
    expect((await t.ok('project.info', {})).counts.codings).toBe(codingsBefore + count(ben));
  });

  it('puts every coding where the coder put it, credited to that coder', async () => {
    const codes = await t.ok('codes.list', {});
    const nameOf = new Map(codes.map((c) => [c.id, c.name === 'Help' ? 'Support' : c.name]));
    for (const [who, work] of [['Ana', ana], ['Ben', ben]] as const) {
      for (const s of sources) {
        const here = (await t.ok('codings.listForSource', { sourceId: s.id })).filter((c) => c.coderId === coders.get(who)!.id);
        const got = here.map((c) => `${nameOf.get(c.codeId)}:${c.start}-${c.end}`).sort();
        const want = [...(work.bySource.get(s.id) ?? new Map<string, Span[]>())].flatMap(([n, spans]) => spans.map((x) => `${n}:${x.start}-${x.end}`)).sort();
        expect(got, `${who} in ${s.name}`).toEqual(want);
      }
    }
    expect(checkProject(t.host.current!.db)).toEqual([]);
    const listed = await t.ok('team.coders', {});
    expect(listed.map((c) => [c.name, c.codings, c.sources, c.memos])).toEqual([
      ['Ana', count(ana), 3, 0],
      ['Ben', count(ben), 2, 1],
      ['tester', 1, 1, 0],
    ]);
  });
});

/** 1 where a coder coded the code at character i (or unit i), 0 where not, null where the coder did not work on the source. */
function ratingsOf(work: Work, code: string, level: 'character' | 'unit', source: (typeof sources)[number]): (0 | 1 | null)[] {
  const spans = work.bySource.get(source.id);
  const items = level === 'character' ? Array.from({ length: source.text.length }, (_, i) => ({ start: i, end: i + 1 })) : source.turns;
  if (!spans) return items.map(() => null);
  const mine = spans.get(code) ?? [];
  return items.map((u) => (mine.some((s) => s.start < u.end && s.end > u.start) ? 1 : 0));
}

describe('agreement between the two coders', () => {
  const codeId = async (name: string) => (await t.ok('codes.list', {})).find((c) => c.name === (name === 'Support' ? 'Help' : name))!.id;

  for (const level of ['character', 'unit'] as const) {
    it(`per code and pooled at ${level} level, as computed here by hand`, async () => {
      const report = await t.ok('team.agreement', { coderIds: [coders.get('Ana')!.id, coders.get('Ben')!.id], level });
      expect(report.rows.map((r) => r.name)).toEqual(['Motivation', 'Barriers', 'Barriers / Cost', 'Help', 'Time']);
      expect(report.notes.join(' ')).toContain('Ben did not code Interview P3');
      const pooledA: (0 | 1)[] = [];
      const pooledB: (0 | 1)[] = [];
      const pooledRatings: Ratings = [[], []];
      for (const name of [...codeNames, 'Time']) {
        const id = await codeId(name);
        const row = report.rows.find((r) => r.codeId === id)!;
        // Kappa and percent over the interviews both coded; alpha over all three, Ben missing in P3.
        const a = sources.slice(0, 2).flatMap((s) => ratingsOf(ana, name, level, s)) as (0 | 1)[];
        const b = sources.slice(0, 2).flatMap((s) => ratingsOf(ben, name, level, s)) as (0 | 1)[];
        const expected = cohenKappaOf(a, b);
        expect(row.compared).toBe(a.length);
        expect(row.percent.value).toBeCloseTo(expected.percent, 10);
        expect(row.kappa.value).toBeCloseTo(expected.kappa, 10);
        expect(row.neither.value).toBeCloseTo(expected.neitherShare, 10);
        const ratings: Ratings = [sources.flatMap((s) => ratingsOf(ana, name, level, s)), sources.flatMap((s) => ratingsOf(ben, name, level, s))];
        expect(row.alpha.value).toBeCloseTo(alphaOf(ratings), 10);
        pooledA.push(...a);
        pooledB.push(...b);
        pooledRatings[0]!.push(...ratings[0]!);
        pooledRatings[1]!.push(...ratings[1]!);
      }
      const pooled = cohenKappaOf(pooledA, pooledB);
      expect(report.overall.kappa.value).toBeCloseTo(pooled.kappa, 10);
      expect(report.overall.alpha.value).toBeCloseTo(alphaOf(pooledRatings), 10);
      // The generated coders agree more than chance and less than always.
      expect(report.overall.kappa.value!).toBeGreaterThan(0.2);
      expect(report.overall.kappa.value!).toBeLessThan(0.95);
    });
  }

  it('takes a third coder, missing where they coded nothing (Krippendorff’s alpha over all three)', async () => {
    const lead = coders.get('tester')!;
    const report = await t.ok('team.agreement', { coderIds: [coders.get('Ana')!.id, coders.get('Ben')!.id, lead.id], codeIds: [await codeId('Motivation')], level: 'character' });
    const s0 = sources[0]!;
    const leadWork: Work = { bySource: new Map([[s0.id, new Map([['Motivation', [s0.respondent[0]!]]])]]) };
    const ratings: Ratings = [ana, ben, leadWork].map((w) => sources.flatMap((s) => ratingsOf(w, 'Motivation', 'character', s)));
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]!.alpha.value).toBeCloseTo(alphaOf(ratings), 10);
    expect(report.rows[0]!.kappa.note).toMatch(/Light's kappa/);
    expect(report.rows[0]!.pairs).toHaveLength(3);
  });

  it('exports the table as CSV and XLSX', async () => {
    const input = { coderIds: [coders.get('Ana')!.id, coders.get('Ben')!.id], level: 'character' as const };
    const report = await t.ok('team.agreement', input);
    const csv = Buffer.from((await t.ok('team.exportAgreement', { ...input, format: 'csv' })).base64, 'base64').toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Code,Characters compared,Percent agreement,Kappa,Agreement from text neither coded,Krippendorff’s alpha,Both coded,Only Ana,Only Ben,Neither coded,Notes');
    const motivation = lines.find((l) => l.startsWith('Motivation,'))!.split(',');
    expect(Number(motivation[3])).toBe(Math.round(report.rows[0]!.kappa.value! * 1000) / 1000);
    expect(lines.some((l) => l.startsWith('All codes,'))).toBe(true);
    const xlsx = await t.ok('team.exportAgreement', { ...input, format: 'xlsx' });
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses one coder, a coder twice and a coder that does not exist, naming the field', async () => {
    const ana = coders.get('Ana')!.id;
    for (const [input, code] of [
      [{ coderIds: [ana] }, 'invalid_input'],
      [{ coderIds: [ana, ana] }, 'invalid_input'],
      [{ coderIds: [ana, 999] }, 'not_found'],
      [{ coderIds: [ana, coders.get('Ben')!.id], sourceIds: [999] }, 'not_found'],
    ] as const) {
      const r = await t.host.call('team.agreement', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(code);
    }
  });
});

describe('reconciling into a consensus coder', () => {
  it('lists the differing passages, takes one side into the consensus as one undoable step', async () => {
    const pair = { first: coders.get('Ana')!.id, second: coders.get('Ben')!.id };
    const list = await t.ok('team.passages', { ...pair });
    expect(list.total).toBeGreaterThan(3);
    expect(list.decided).toBe(0);
    const p = list.passages.find((x) => x.first.length > 0 && x.second.length > 0) ?? list.passages[0]!;
    expect(p.text).toBe(sources.find((s) => s.id === p.sourceId)!.text.slice(p.start, p.end));

    const result = await t.ok('team.reconcile', { ...pair, sourceId: p.sourceId, codeId: p.codeId, start: p.start, end: p.end, decision: 'first' });
    expect(result.consensus.name).toBe('Consensus');
    expect(result.codings).toBe(p.first.length);
    const consensusCodings = async () =>
      (await t.ok('codings.listForSource', { sourceId: p.sourceId })).filter((c) => c.coderId === result.consensus.id).map((c) => ({ start: c.start, end: c.end }));
    expect(await consensusCodings()).toEqual(p.first);
    expect((await t.ok('undo.state', {})).undoLabel).toMatch(/^Reconcile ‘.+’ in ‘Interview P\d’: take Ana’s coding$/);

    const again = await t.ok('team.passages', { ...pair });
    expect(again.decided).toBe(1);
    expect(again.passages.find((x) => x.start === p.start && x.codeId === p.codeId && x.sourceId === p.sourceId)!.decision).toMatchObject({ decision: 'first', consensus: 'Consensus', decidedBy: 'tester' });

    // Changing one's mind replaces the decision: both sides.
    await t.ok('team.reconcile', { ...pair, sourceId: p.sourceId, codeId: p.codeId, start: p.start, end: p.end, decision: 'both' });
    expect((await t.ok('team.passages', { ...pair })).decided).toBe(1);
    await t.ok('undo.undo', {});
    expect(await consensusCodings()).toEqual(p.first);
    await t.ok('undo.undo', {});
    expect(await consensusCodings()).toEqual([]);
    expect((await t.ok('team.passages', { ...pair })).decided).toBe(0);
  });

  it('refuses a passage that is not there, changing nothing', async () => {
    const before = tableCounts(t.host);
    const r = await t.host.call('team.reconcile', { first: coders.get('Ana')!.id, second: coders.get('Ben')!.id, sourceId: sources[0]!.id, codeId: 1, start: 0, end: 3, decision: 'first' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not_found');
    expect(tableCounts(t.host)).toEqual(before);
  });
});

describe('a REFI-QDA project as a coder’s copy', () => {
  it('merges Ben’s work exported from another tool’s project the same way, users as coders', async () => {
    // Take Ben's merge back, then bring his work in again through a .qdpx of his copy.
    await t.ok('undo.undo', {});
    const state = await t.ok('undo.state', {});
    expect(state.redoLabel).toBe('Merge ‘Study – Ben.marginalia’ (Ben)');
    const qdpx = await asCoder(t, 'Ben', benPath, (ok) => ok('exchange.exportProject', {}));
    const staged = await t.ok('team.stage', { file: { name: 'Ben.qdpx', dataBase64: qdpx.file.base64 } });
    expect(staged).toMatchObject({ format: 'qdpx', manifest: null });
    expect(staged.coders).toContain('Ben');
    const plan = await t.ok('team.preview', { stagedId: staged.stagedId });
    // Without a manifest the other side's rename of Support cannot be told apart from the copy's: asked.
    const asked = plan.items.filter((i) => i.conflict);
    expect(asked.map((i) => i.kind)).toEqual(['code-renamed']);
    const report = await t.ok('team.merge', { stagedId: staged.stagedId, decisions: { [asked[0]!.id]: 'ours' } });
    expect(report.counts).toMatchObject({ codings: count(ben), codesAdded: 1, sourcesMatched: 3 });
    const benId = (await t.ok('coders.list', {})).find((c) => c.name === 'Ben')!.id;
    const here = (await Promise.all(sources.map((s) => t.ok('codings.listForSource', { sourceId: s.id })))).flat().filter((c) => c.coderId === benId);
    expect(here).toHaveLength(count(ben));
  });
});
