import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionnairePreview } from '../../../shared/domain/import-types.ts';
import { utf8Bytes } from '../../helpers/files.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { preview, run, stageOne } from '../import/helpers.ts';

/** What the project holds that a refused call must leave as it was, renamed rows included. */
function snapshot(t: TestHost) {
  const db = t.host.current!.db.raw;
  const names = (table: string, column: string) => (db.prepare(`SELECT ${column} AS v FROM ${table} ORDER BY id`).all() as { v: string }[]).map((r) => r.v);
  return {
    counts: tableCounts(t.host),
    codes: names('codes', 'name'),
    participants: names('participants', "label || '|' || name"),
    sources: names('sources', 'name'),
    frameworks: names('frameworks', 'name'),
    elements: names('framework_elements', 'name'),
    memos: names('memos', "title || '|' || body"),
    coders: names('coders', 'name'),
  };
}

describe('names with control characters or lone surrogates, through the dispatcher', () => {
  let t: TestHost;
  let ids: { code: number; participant: number; source: number; framework: number; element: number; textAttribute: number };
  beforeEach(async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
    const frameworks = await t.ok('frameworks.list', {});
    const textAttribute = await t.ok('attributes.define', { name: 'Campus', type: 'text' });
    ids = {
      code: (await t.ok('codes.list', {}))[0]!.id,
      participant: (await t.ok('participants.list', {}))[0]!.id,
      source: (await t.ok('sources.list', {}))[0]!.id,
      framework: frameworks[0]!.id,
      element: frameworks[0]!.elements[0]!.id,
      textAttribute: textAttribute.id,
    };
  });
  afterEach(() => t.cleanup());

  it('codes.create with a NUL in its name is refused naming the field, and changes nothing', async () => {
    const before = snapshot(t);
    const r = await t.host.call('codes.create', { name: 'Cost\u0000s' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid_input', field: 'name', message: 'codes.create: name: Code name contains a control character (U+0000) at position 5' },
    });
    expect(snapshot(t)).toEqual(before);
  });

  it('every single-line name refuses line breaks, tabs, other controls and lone surrogates', async () => {
    const before = snapshot(t);
    const cases: [string, () => object, string, string][] = [
      ['codes.rename', () => ({ id: ids.code, name: 'Why\nnot' }), 'name', 'Code name contains a control character (U+000A, a line feed) at position 4'],
      ['codes.split', () => ({ id: ids.code, codingIds: [1], name: 'Half \ud83c' }), 'name', 'Code name contains a lone surrogate (U+D83C, half of a character) at position 6'],
      ['codes.createInductive', () => ({ sourceId: ids.source, start: 0, end: 5, name: '\tIP' }), 'name', 'Code name contains a control character (U+0009, a tab) at position 1'],
      ['participants.create', () => ({ label: 'P\u0007D' }), 'label', 'Participant label contains a control character (U+0007) at position 2'],
      ['participants.update', () => ({ id: ids.participant, name: 'Ana\r\nLópez' }), 'name', 'Participant name contains a control character (U+000D, a carriage return) at position 4'],
      ['attributes.define', () => ({ name: 'Role\u0085', type: 'text' }), 'name', 'Attribute name contains a control character (U+0085) at position 5'],
      ['participants.setAttribute', () => ({ participantId: ids.participant, attributeId: ids.textAttribute, value: 'North\ncampus' }), 'value', 'Attribute value contains a control character (U+000A, a line feed) at position 6'],
      ['frameworks.create', () => ({ name: 'EQF\u2028levels' }), 'name', 'Framework name contains a line separator (U+2028) at position 4'],
      ['frameworks.rename', () => ({ id: ids.framework, name: 'EQF\u0000' }), 'name', 'Framework name contains a control character (U+0000) at position 4'],
      ['frameworks.addElement', () => ({ frameworkId: ids.framework, name: 'Level\t5' }), 'name', 'Element name contains a control character (U+0009, a tab) at position 6'],
      ['frameworks.updateElement', () => ({ id: ids.element, name: '\udc00' }), 'name', 'Element name contains a lone surrogate (U+DC00, half of a character) at position 1'],
      ['sources.rename', () => ({ id: ids.source, name: 'Interview\nPA' }), 'name', 'Source name contains a control character (U+000A, a line feed) at position 10'],
      ['coders.setCurrent', () => ({ name: 'ana\u0000' }), 'name', 'Coder name contains a control character (U+0000) at position 4'],
      ['memos.create', () => ({ targetKind: 'project', targetId: null, title: 'Plan\nB', body: 'ok' }), 'title', 'Memo title contains a control character (U+000A, a line feed) at position 5'],
      ['import.stage', () => ({ files: [{ name: 'pa\u0000.txt', dataBase64: 'aGk=' }] }), 'files.0.name', 'File name contains a control character (U+0000) at position 3'],
      ['exchange.stage', () => ({ file: { name: 'codebook\n.qdc', dataBase64: 'aGk=' } }), 'file.name', 'File name contains a control character (U+000A, a line feed) at position 9'],
      ['export.excerpts', () => ({ filter: { codeIds: [ids.code] }, format: 'md', title: 'Report\tdraft' }), 'title', 'Report title contains a control character (U+0009, a tab) at position 7'],
    ];
    for (const [method, input, field, message] of cases) {
      const r = await t.host.call(method, input());
      expect(r, method).toEqual({ ok: false, error: { code: 'invalid_input', field, message: `${method}: ${field}: ${message}` } });
    }
    expect(snapshot(t)).toEqual(before);
  });

  it('free texts keep line breaks and tabs but refuse NUL and lone surrogates', async () => {
    const before = snapshot(t);
    const refused: [string, () => object, string, string][] = [
      ['memos.create', () => ({ targetKind: 'project', targetId: null, body: 'line\u0000' }), 'body', 'Memo body contains a control character (U+0000) at position 5'],
      ['codes.describe', () => ({ id: ids.code, definition: 'Why \ud83c' }), 'definition', 'Definition contains a lone surrogate (U+D83C, half of a character) at position 5'],
      ['frameworks.create', () => ({ name: 'EQF', description: '\u0000' }), 'description', 'Description contains a control character (U+0000) at position 1'],
      ['participants.create', () => ({ label: 'PD', description: 'a\u0000' }), 'description', 'Description contains a control character (U+0000) at position 2'],
    ];
    for (const [method, input, field, message] of refused) {
      const r = await t.host.call(method, input());
      expect(r, method).toEqual({ ok: false, error: { code: 'invalid_input', field, message: `${method}: ${field}: ${message}` } });
    }
    expect(snapshot(t)).toEqual(before);

    const memo = await t.ok('memos.create', { targetKind: 'project', targetId: null, title: 'Plan 🌱', body: 'First\n\tsecond' });
    expect(memo).toMatchObject({ title: 'Plan 🌱', body: 'First\n\tsecond' });
    const code = await t.ok('codes.describe', { id: ids.code, definition: 'Why:\n\t– reasons' });
    expect(code.definition).toBe('Why:\n\t– reasons');
  });

  it('accepts names in any script, emoji included, and stores them as given', async () => {
    const code = await t.ok('codes.create', { name: 'Aprendizaje 🌱 学习' });
    expect(code.name).toBe('Aprendizaje 🌱 学习');
    const participant = await t.ok('participants.create', { label: 'PÉ', name: 'Zoë 王' });
    expect(participant).toMatchObject({ label: 'PÉ', name: 'Zoë 王' });
    await t.ok('participants.setAttribute', { participantId: participant.id, attributeId: ids.textAttribute, value: 'Campus Norte 🏫' });
    const framework = await t.ok('frameworks.create', { name: 'Cadre européen 🇪🇺' });
    expect(framework.name).toBe('Cadre européen 🇪🇺');
    expect((await t.ok('sources.rename', { id: ids.source, name: 'Entrevista PA — 第一' })).name).toBe('Entrevista PA — 第一');
    expect((await t.ok('codes.list', {})).some((c) => c.name === 'Aprendizaje 🌱 学习')).toBe(true);
  });

  it('memos.create refuses a key it does not take', async () => {
    const before = snapshot(t);
    const r = await t.host.call('memos.create', { targetKind: 'project', targetId: null, body: 'x', pinned: true });
    expect(r).toEqual({ ok: false, error: { code: 'invalid_input', message: 'memos.create: Unrecognized key: "pinned"' } });
    expect(snapshot(t)).toEqual(before);
  });
});

describe('importers take names from files, not from the label rules', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
  });
  afterEach(() => t.cleanup());

  it('imports a survey whose column headers hold line breaks and tabs, echoed back from the preview', async () => {
    const csv = ['Respondent,"Why did you\nenrol?","Campus\tsite"', 'R01,Employers asked for it,North', 'R02,Curiosity,South'].join('\r\n');
    const staged = await stageOne(t, 'Encuesta 学习 🌱.csv', utf8Bytes(csv));
    const p = (await preview(t, staged, 'questionnaire')) as QuestionnairePreview;
    const [, question, campus] = p.columns.map((c) => c.column);
    expect([question, campus]).toEqual(['Why did you\nenrol?', 'Campus\tsite']);
    const why = (await t.ok('codes.list', {})).find((c) => c.name === 'Why')!;
    const report = await run(t, [
      {
        stagedId: staged.stagedId,
        kind: 'questionnaire',
        questionnaire: {
          idColumn: 'Respondent',
          columns: [
            { column: question!, role: 'answer', sectionCodeId: why.id },
            { column: campus!, role: 'attribute', type: 'category' },
          ],
          family: { mode: 'new' },
        },
      },
    ]);
    expect(report.files[0]).toMatchObject({ kind: 'questionnaire', sourceName: 'Encuesta 学习 🌱' });
    expect((await t.ok('sources.list', {})).some((s) => s.name === 'Encuesta 学习 🌱')).toBe(true);
  });
});
