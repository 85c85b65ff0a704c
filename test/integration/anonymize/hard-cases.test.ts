import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertSource, insertUnit } from '../../../electron/backend/repositories/sources.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { originalsIn, projectBytes } from './helpers.ts';

const NAMES = '\uFEFFP01 = María José López; Majo\r\n\r\n# the second participant\r\nP02 = Ana Ruiz\r\n';
const TERMS = 'Universidad | University\nUniversidad de Monterrey | University\nMonterrey | Place\n';
const ORIGINALS = ['María José', 'María', 'José', 'López', 'Majo', 'Ruiz', 'Monterrey', 'mj.lopez', 'udem.edu.mx', '8215', 'Okonkwo'];

const TURNS: [string, string][] = [
  ['Entrevistadora', '¿Cómo conoció a María José López?'],
  ['María José', 'Conocí a MARIA JOSE en la Universidad de Monterrey 🎓María José me llamó. Mi correo es mj.lopez@udem.edu.mx y mi teléfono +52 81 8215 1000.'],
  ['Entrevistadora', '¿Y el análisis con Ana?'],
  ['Ana', 'Ana Ruiz lo revisó con el Dr. Okonkwo; la universidad de monterrey no.'],
];

/** Lays the turns out as an imported transcript: "Speaker: words", a blank line between. */
function transcript(): { text: string; units: { start: number; end: number; speaker: string }[] } {
  let text = '';
  const units = TURNS.map(([speaker, body]) => {
    if (text) text += '\n\n';
    text += `${speaker}: `;
    const start = text.length;
    text += body;
    return { start, end: text.length, speaker };
  });
  return { text, units };
}

describe('pseudonymizing the hard cases', () => {
  let t: TestHost;
  let text: string;
  let codeId: number;
  const spans: Record<string, string> = {};
  const ids: Record<string, number> = {};

  beforeEach(async () => {
    t = testHost();
    await t.ok('project.create', { path: join(t.dir, 'casos.marginalia'), template: 'five-questions' });
    const p1 = await t.ok('participants.create', { label: 'P01', name: 'María José López', description: 'Profesora en la Universidad de Monterrey' });
    const p2 = await t.ok('participants.create', { label: 'P02', name: '' });
    const attr = await t.ok('attributes.define', { name: 'Institución', type: 'text' });
    const mentor = await t.ok('attributes.define', { name: 'Mentora', type: 'text' });
    await t.ok('participants.setAttribute', { participantId: p1.id, attributeId: attr.id, value: 'Universidad de Monterrey' });
    await t.ok('participants.setAttribute', { participantId: p2.id, attributeId: mentor.id, value: 'María José López' });
    const built = transcript();
    text = built.text;
    const db = t.host.current!.db;
    const sourceId = db.transaction(() => {
      const id = insertSource(db, { kind: 'interview', name: 'Entrevista María José', text, origin: 'entrevista-maria-jose.docx' }, '2026-01-01T00:00:00.000Z');
      built.units.forEach((u, i) =>
        insertUnit(db, id, { kind: 'turn', start: u.start, end: u.end, speaker: u.speaker, isInterviewer: i % 2 === 0, participantId: i === 1 ? p1.id : i === 3 ? p2.id : null }),
      );
      return id;
    });
    const code = await t.ok('codes.create', { name: 'Apoyo de María José', parentId: null, origin: 'inductive' });
    codeId = code.id;
    const code2 = async (name: string, quote: string, at = text.indexOf(quote)) => {
      spans[name] = quote;
      const c = await t.ok('codings.apply', { sourceId, codeId, start: at, end: at + quote.length });
      ids[name] = c.id;
      return c;
    };
    await code2('inside', 'Conocí a MARIA JOSE en la Universidad');
    await code2('edgeStart', 'José me llamó');
    await code2('edgeEnd', 'Conocí a MARIA');
    await code2('exactly', 'Ana Ruiz');
    await code2('acrossTurns', 'y mi teléfono +52 81 8215 1000.\n\nEntrevistadora: ¿Y el análisis con Ana?');
    await code2('emoji', 'Monterrey 🎓María');
    const inside = ids['inside']!;
    await t.ok('memos.create', { targetKind: 'coding', targetId: inside, title: 'Sobre Majo', body: '<p>Hablé con <b>María José</b> y con Ana Ruiz.</p>' });
    await t.ok('memos.create', {
      targetKind: 'project',
      targetId: null,
      title: '',
      body: '<p>Contacto: <a href="mailto:ana.ruiz@udem.edu.mx">ana.ruiz@udem.edu.mx</a>, Tom&aacute;s no.</p>',
    });
    await t.ok('anonymize.saveSettings', { names: NAMES, terms: TERMS });
  });
  afterEach(() => t.cleanup());

  const apply = async () => {
    await t.ok('anonymize.detect', {});
    const out = join(t.dir, 'copia.marginalia');
    const result = await t.ok('anonymize.apply', { out, keyPath: join(t.dir, 'clave.key'), passphrase: 'una frase larga' });
    await t.ok('project.openForReview', { path: out });
    return { out, result };
  };
  const quote = (id: number) => (t.host.current!.db.raw.prepare('SELECT quote FROM codings WHERE id = ?').get(id) as { quote: string }).quote;

  it('leaves no original in any byte of the copy, and keeps “análisis” and lower-case words', async () => {
    const { out } = await apply();
    t.host.close();
    expect(originalsIn(projectBytes(out), ORIGINALS)).toEqual([]);
    expect(projectBytes(out).includes(Buffer.from('análisis'))).toBe(true);
  });

  it('moves every coding so it covers the same words, and a replaced name whole', async () => {
    await apply();
    expect(quote(ids['inside']!)).toBe('Conocí a [Participant P01] en la [University 2]');
    expect(quote(ids['edgeStart']!)).toBe('[Participant P01] me llamó');
    expect(quote(ids['edgeEnd']!)).toBe('Conocí a [Participant P01]');
    expect(quote(ids['exactly']!)).toBe('[Participant P02]');
    expect(quote(ids['acrossTurns']!)).toBe('y mi teléfono [Phone 1].\n\nEntrevistadora: ¿Y el análisis con [Participant P02]?');
    expect(quote(ids['emoji']!)).toBe('[University 2] 🎓[Participant P01]');
    expect((await t.ok('audit.verify', {})).problems).toEqual([]);
  });

  it('rewrites units, speakers, memos, attributes, code names and file names', async () => {
    await apply();
    const source = await t.ok('sources.get', { id: 1 });
    expect(source.name).toBe('Entrevista [Participant P01]');
    expect(source.origin).toBe('[file].docx');
    expect(source.units.map((u) => [u.speaker, source.text.slice(u.start, u.end)])).toEqual([
      ['Entrevistadora', '¿Cómo conoció a [Participant P01]?'],
      ['[Participant P01]', 'Conocí a [Participant P01] en la [University 2] 🎓[Participant P01] me llamó. Mi correo es [E-mail 1] y mi teléfono [Phone 1].'],
      ['Entrevistadora', '¿Y el análisis con [Participant P02]?'],
      ['[Participant P02]', '[Participant P02] lo revisó con el Dr. [Name 1]; la [University 2] no.'],
    ]);
    const memos = await t.ok('memos.list', {});
    expect(memos.map((m) => [m.title, m.body, m.text]).sort()).toEqual([
      ['', '<p>Contacto: <a href="mailto:[E-mail 2]">[E-mail 2]</a>, [Name 2] no.</p>', 'Contacto: [E-mail 2], [Name 2] no.'],
      ['Sobre [Participant P01]', '<p>Hablé con <b>[Participant P01]</b> y con [Participant P02].</p>', 'Hablé con [Participant P01] y con [Participant P02].'],
    ]);
    const participants = await t.ok('participants.list', {});
    expect(participants.map((p) => [p.label, p.name, p.description, p.attributes])).toEqual([
      ['P01', '', '', { Institución: '[University 2]' }],
      ['P02', '', '', { Mentora: '[Participant P01]' }],
    ]);
    expect((await t.ok('codes.list', {})).map((c) => c.name)).toContain('Apoyo de [Participant P01]');
  });

  it('applies the review: a rejected occurrence stays, an edited replacement is used everywhere', async () => {
    await t.ok('anonymize.detect', {});
    const terms = await t.ok('anonymize.terms', { kind: 'term' });
    const place = terms.terms.find((x) => x.label === 'Universidad de Monterrey')!;
    await t.ok('anonymize.decide', { scope: 'term', termKey: place.key, decision: 'accept', replacement: '[a private university]' });
    const people = await t.ok('anonymize.terms', { kind: 'name' });
    const ana = people.terms.find((x) => x.label === 'Ana Ruiz')!;
    const occurrences = await t.ok('anonymize.occurrences', { termKey: ana.key });
    const inQuestion = occurrences.occurrences.find((o) => o.before.endsWith('el análisis con '))!;
    expect(inQuestion.match).toBe('Ana');
    await t.ok('anonymize.decide', { scope: 'occurrence', key: inQuestion.key, decision: 'reject' });
    await t.ok('anonymize.decide', { scope: 'rule', kind: 'phone', decision: 'reject' });
    const { result } = await apply();
    expect(quote(ids['inside']!)).toBe('Conocí a [Participant P01] en la [a private university]');
    expect(quote(ids['acrossTurns']!)).toBe('y mi teléfono +52 81 8215 1000.\n\nEntrevistadora: ¿Y el análisis con Ana?');
    expect(result.report.kept).toBeGreaterThanOrEqual(2);
    expect(result.report.reviewers).toEqual(['tester']);
  });

  it('keeps an occurrence kept when its term is reworded, and drops it when the whole term is decided again', async () => {
    await t.ok('anonymize.detect', {});
    const people = await t.ok('anonymize.terms', { kind: 'name' });
    const ana = people.terms.find((x) => x.label === 'Ana Ruiz')!;
    const first = (await t.ok('anonymize.occurrences', { termKey: ana.key })).occurrences[0]!;
    await t.ok('anonymize.decide', { scope: 'occurrence', key: first.key, decision: 'reject' });
    await t.ok('anonymize.decide', { scope: 'term', termKey: ana.key, decision: 'accept', replacement: '[the colleague]' });
    const reworded = (await t.ok('anonymize.occurrences', { termKey: ana.key })).occurrences;
    expect(reworded[0]).toMatchObject({ key: first.key, decision: 'reject', decidedBy: 'occurrence' });
    expect(reworded.slice(1).every((o) => o.replacement === '[the colleague]' && o.decision === 'accept')).toBe(true);
    await t.ok('anonymize.decide', { scope: 'term', termKey: ana.key, decision: 'reject' });
    await t.ok('anonymize.decide', { scope: 'term', termKey: ana.key, decision: 'accept' });
    expect((await t.ok('anonymize.occurrences', { termKey: ana.key })).occurrences[0]).toMatchObject({ decision: 'accept', decidedBy: 'term', replacement: '[the colleague]' });
  });

  it('refuses an edited replacement that would itself name someone, and saves nothing', async () => {
    await t.ok('anonymize.detect', {});
    const terms = await t.ok('anonymize.terms', { kind: 'term' });
    const r = await t.host.call('anonymize.decide', { scope: 'term', termKey: terms.terms[0]!.key, decision: 'accept', replacement: 'la amiga de Majo' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('“Majo”') } });
    expect((await t.ok('anonymize.terms', { kind: 'term' })).terms[0]!.replacement).toBe(terms.terms[0]!.replacement);
  });

  it('resumes a review: decisions survive reopening the project and detecting again', async () => {
    await t.ok('anonymize.detect', {});
    const terms = await t.ok('anonymize.terms', { kind: 'name' });
    await t.ok('anonymize.decide', { scope: 'term', termKey: terms.terms[0]!.key, decision: 'reject' });
    const path = t.host.current!.db.path;
    t.host.close();
    await t.ok('project.open', { path });
    expect(await t.host.call('anonymize.terms', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const summary = await t.ok('anonymize.detect', {});
    expect(summary.reviewed).toBe(1);
    const again = await t.ok('anonymize.terms', { status: 'reject' });
    expect(again.terms.map((x) => x.key)).toEqual([terms.terms[0]!.key]);
  });

  it('refuses lists with an unreadable line when applying, writing nothing', async () => {
    await t.ok('anonymize.saveSettings', { names: `${NAMES}Luis\u0007 Gil\n` });
    const settings = await t.ok('anonymize.settings', {});
    expect(settings.problems).toEqual([{ list: 'names', line: 5, message: 'A name on line 5 contains a control character' }, { list: 'names', line: 5, message: 'Line 5 of the names list has no name' }]);
    const r = await t.host.call('anonymize.apply', { out: join(t.dir, 'x.marginalia'), keyPath: join(t.dir, 'x.key'), passphrase: 'una frase larga' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('line 5') } });
    expect(readdirSync(t.dir).filter((f) => f.startsWith('x') || f.startsWith('.marginalia-pseudo'))).toEqual([]);
  });
});
