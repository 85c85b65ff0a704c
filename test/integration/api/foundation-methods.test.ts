import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, sqlIds } from '../../../electron/backend/db/sql.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';

const auditActions = (t: TestHost) =>
  (t.host.current!.db.raw.prepare('SELECT action, entity FROM audit_log ORDER BY id').all() as { action: string; entity: string }[]).map(
    (r) => `${r.action} ${r.entity}`,
  );

describe('API methods of the foundation, through the dispatcher', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
  });
  afterEach(() => t.cleanup());

  it('answers an unknown method and no open project with typed errors', async () => {
    expect(await t.host.call('codes.explode', {})).toEqual({ ok: false, error: { code: 'unknown_method', message: 'There is no API method called "codes.explode"' } });
    t.host.close();
    const r = await t.host.call('codes.list', {});
    expect(!r.ok && r.error.code).toBe('no_project');
  });

  const badInputs: [string, unknown, string, RegExp][] = [
    ['codes.create', { name: '   ' }, 'name', /must not be empty/],
    ['codes.create', { name: 'X', parentId: -3 }, 'parentId', /./],
    ['codes.create', { name: 'X', colour: '#fff' }, '', /Unrecognized key/],
    ['codes.recolor', { id: 1, color: 'red' }, 'color', /#RRGGBB/],
    ['codings.apply', { sourceId: 1, codeId: 2, start: 10, end: 4 }, 'end', /greater than start/],
    ['codings.apply', { sourceId: 1, codeId: 2, start: 1.5, end: 4 }, 'start', /whole number/],
    ['memos.create', { targetKind: 'project', targetId: 4, body: '' }, 'targetId', /null for project memos/],
    ['participants.create', { label: '' }, 'label', /must not be empty/],
    ['project.open', {}, 'path', /./],
  ];
  for (const [method, input, field, message] of badInputs) {
    it(`${method} rejects ${JSON.stringify(input)} naming ${field || 'the input'} and changes nothing`, async () => {
      const before = tableCounts(t.host);
      const r = await t.host.call(method, input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        if (field) expect(r.error.field).toBe(field);
        expect(r.error.message).toMatch(message);
        expect(r.error.message).toContain(method);
      }
      expect(tableCounts(t.host)).toEqual(before);
    });
  }

  it('refuses changes that break domain rules with errors naming the field, changing nothing', async () => {
    const codes = await t.ok('codes.list', {});
    const why = codes.find((c) => c.name === 'Why')!;
    const valueAdded = codes.find((c) => c.name === 'Value added')!;
    const before = tableCounts(t.host);
    const cases: [string, unknown, string, RegExp][] = [
      ['codes.create', { name: 'value ADDED', parentId: why.id }, 'name', /already exists/],
      ['codes.move', { id: why.id, parentId: valueAdded.id }, 'parentId', /under itself/],
      ['codes.rename', { id: 9999, name: 'x' }, 'id', /does not exist/],
      ['codings.apply', { sourceId: 1, codeId: valueAdded.id, start: 0, end: 10_000_000 }, 'end', /past the end/],
      ['codings.apply', { sourceId: 9999, codeId: valueAdded.id, start: 0, end: 3 }, 'sourceId', /does not exist/],
      ['memos.create', { targetKind: 'code', targetId: 9999, body: '<p>x</p>' }, 'targetId', /does not exist/],
      ['participants.create', { label: 'pa' }, 'label', /already exists/],
    ];
    for (const [method, input, field, message] of cases) {
      const r = await t.host.call(method, input);
      expect(r.ok, `${method} should fail`).toBe(false);
      if (!r.ok) {
        expect(r.error.field, method).toBe(field);
        expect(r.error.message).toMatch(message);
      }
    }
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('refuses a coding boundary that splits an emoji in half', async () => {
    const { host } = t;
    host.current!.db.raw.prepare("UPDATE sources SET text = 'We loved it 😀 really' WHERE id = 1").run();
    host.current!.db.raw.prepare('DELETE FROM codings WHERE source_id = 1').run();
    const code = (await t.ok('codes.list', {}))[1]!;
    const r = await host.call('codings.apply', { sourceId: 1, codeId: code.id, start: 0, end: 13 });
    expect(!r.ok && r.error.message).toMatch(/surrogate pair/);
    const c = await t.ok('codings.apply', { sourceId: 1, codeId: code.id, start: 12, end: 14 });
    expect(c.quote).toBe('😀');
  });

  it('writes one audit entry per change, and none for reads', async () => {
    const start = auditActions(t).length;
    await t.ok('codes.list', {});
    await t.ok('sources.list', {});
    const code = await t.ok('codes.create', { name: 'Employer demand' });
    await t.ok('codes.rename', { id: code.id, name: 'Labour-market demand' });
    await t.ok('codes.recolor', { id: code.id, color: '#112233' });
    await t.ok('codes.describe', { id: code.id, definition: 'Talk of what employers ask for.' });
    const why = (await t.ok('codes.list', {})).find((c) => c.name === 'Why')!;
    await t.ok('codes.move', { id: code.id, parentId: why.id, position: 0 });
    const coding = await t.ok('codings.apply', { sourceId: 1, codeId: code.id, start: 0, end: 8 });
    const memo = await t.ok('memos.create', { targetKind: 'coding', targetId: coding.id, title: 'note', body: '<p>Strong &amp; clear</p>' });
    expect(memo.text).toBe('Strong & clear');
    await t.ok('memos.update', { id: memo.id, body: '<p>Stronger</p>' });
    await t.ok('codings.remove', { id: coding.id });
    const p = await t.ok('participants.create', { label: 'PD', name: 'Dana' });
    await t.ok('participants.update', { id: p.id, name: 'Dana R.' });
    const deleted = await t.ok('codes.delete', { id: code.id });
    expect(deleted).toEqual({ deletedCodes: 1, deletedCodings: 0 });
    expect(auditActions(t).slice(start)).toEqual([
      'create code', 'rename code', 'recolor code', 'describe code', 'move code', 'apply coding',
      'create memo', 'update memo', 'remove coding', 'create participant', 'update participant', 'delete code',
    ]);
  });

  it('moves a code to a position among its new siblings', async () => {
    const codes = await t.ok('codes.list', {});
    const what = codes.find((c) => c.name === 'What')!;
    const acc = codes.find((c) => c.name === 'Accreditation')!;
    await t.ok('codes.move', { id: acc.id, parentId: what.id, position: 1 });
    const under = (await t.ok('codes.list', {})).filter((c) => c.parentId === what.id).sort((a, b) => a.position - b.position);
    expect(under.map((c) => c.name)).toEqual(['Definition', 'Accreditation', 'Flexibility']);
    expect(under.map((c) => c.position)).toEqual([0, 1, 2]);
    // The old siblings close ranks: no gap where the moved code was.
    const why = codes.find((c) => c.name === 'Why')!;
    await t.ok('codes.move', { id: codes.find((c) => c.name === 'Value added')!.id, parentId: what.id });
    const left = (await t.ok('codes.list', {})).filter((c) => c.parentId === why.id);
    expect(left.map((c) => [c.name, c.position])).toEqual([['Institutional strategy', 0]]);
  });

  it('deletes a code with its sub-codes and their codings, and reports how many', async () => {
    const codes = await t.ok('codes.list', {});
    const what = codes.find((c) => c.name === 'What')!;
    const expected = codes.filter((c) => c.parentId === what.id).reduce((n, c) => n + c.codingCount, what.codingCount);
    const before = tableCounts(t.host);
    const r = await t.ok('codes.delete', { id: what.id });
    expect(r).toEqual({ deletedCodes: 3, deletedCodings: expected });
    // Nothing a user made is lost without a trace: the audit keeps the deleted passages.
    const last = t.host.current!.db.raw.prepare("SELECT detail FROM audit_log WHERE action = 'delete' ORDER BY id DESC LIMIT 1").get() as { detail: string };
    const detail = JSON.parse(last.detail) as { codings: { quote: string }[] };
    expect(detail.codings).toHaveLength(expected);
    expect(detail.codings.every((c) => c.quote.length > 0)).toBe(true);
    expect(tableCounts(t.host)["codings"]).toBe(before["codings"]! - expected);
  });

  it('credits a coding to the participant of the unit it lies in', async () => {
    const sources = await t.ok('sources.list', { kind: 'interview' });
    const pb = sources.find((s) => s.name.includes('PB'))!;
    const detail = await t.ok('sources.get', { id: pb.id });
    const turn = detail.units.find((u) => u.kind === 'turn' && !u.isInterviewer)!;
    const code = (await t.ok('codes.list', {})).find((c) => c.name === 'Flexibility')!;
    const c = await t.ok('codings.apply', { sourceId: pb.id, codeId: code.id, start: turn.start, end: turn.start + 10 });
    expect(c.participantId).toBe(turn.participantId);
    const participants = await t.ok('participants.list', {});
    expect(participants.find((p) => p.id === turn.participantId)?.label).toBe('PB');
  });

  it('reports a source length in the same unit in the list and in the source itself, emoji included', async () => {
    t.host.current!.db.raw.prepare("UPDATE sources SET text = 'We loved it 😀 really' WHERE id = 1").run();
    const listed = (await t.ok('sources.list', {})).find((s) => s.id === 1)!;
    const opened = await t.ok('sources.get', { id: 1 });
    expect(listed.length).toBe(opened.length);
    expect(opened.length).toBe([...opened.text].length);
  });

  it('binds id lists of any length as one parameter', () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => i + 1);
    const q = sql`SELECT count(*) AS n FROM codings WHERE id IN (${sqlIds(ids)})`;
    expect(q.values).toHaveLength(1);
    const n = (t.host.current!.db.get<{ n: number }>(q))!.n;
    expect(n).toBe(tableCounts(t.host)['codings']);
  });
});
