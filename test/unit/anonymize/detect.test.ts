import { describe, expect, it } from 'vitest';
import { Detector, resolveOverlaps } from '../../../shared/domain/anonymize/detect.ts';
import { ReplacementNamer } from '../../../shared/domain/anonymize/labels.ts';
import { parseNamesList, parseTermsList } from '../../../shared/domain/anonymize/lists.ts';
import { DEFAULT_RULES, type RuleSettings } from '../../../shared/domain/anonymize/types.ts';

const NONE: RuleSettings = { email: false, url: false, phone: false, id: false, date: false, candidate: false };

function detector(names: string, terms = '', rules: Partial<RuleSettings> = {}, corpus: string[] = []) {
  return new Detector({ people: parseNamesList(names).people, terms: parseTermsList(terms).terms, rules: { ...NONE, ...rules } }, corpus);
}
/** What was found in a text, as [surface, kind, term label]. */
function found(d: Detector, text: string): [string, string, string][] {
  return d.find(text).map((c) => [text.slice(c.start, c.end), c.kind, d.infos.get(c.termKey)!.label]);
}

describe('names list', () => {
  it('finds a person by full name, alias and first name alone, folding accents and case', () => {
    const d = detector('PB = Tomás Reyes; Tomi');
    const text = 'Ayer hablé con TOMAS REYES, luego con Tomi; Tomás dijo que María José no vino. tomas';
    expect(found(d, text)).toEqual([
      ['TOMAS REYES', 'name', 'Tomás Reyes'],
      ['Tomi', 'name', 'Tomás Reyes'],
      ['Tomás', 'name', 'Tomás Reyes'],
    ]);
  });

  it('matches María, Maria and MARÍA alike, and a decomposed accent', () => {
    const d = detector('María López');
    const text = 'María López; Maria Lopez; MARÍA LÓPEZ; Mari\u0301a Lo\u0301pez';
    expect(found(d, text).map((f) => f[0])).toEqual(['María López', 'Maria Lopez', 'MARÍA LÓPEZ', 'Mari\u0301a Lo\u0301pez']);
  });

  it('matches whole words only: Ana is not in análisis, Mariana or banana', () => {
    const d = detector('Ana Ruiz; Ana');
    expect(found(d, 'El análisis de Mariana y una banana; Ana lo vio.').map((f) => f[0])).toEqual(['Ana']);
  });

  it('gives the same term to every way a person is written, and a participant the label replacement', () => {
    const d = detector('PA = Helena Varga; Lena\nJohn Smith');
    const text = 'Helena said that Lena and Mr Smith met John.';
    const terms = d.find(text).map((c) => c.termKey);
    expect(new Set(terms.slice(0, 2)).size).toBe(1);
    const names = new ReplacementNamer().nameAll(d.infos.values());
    expect(terms.map((k) => names.get(k))).toEqual(['[Participant PA]', '[Participant PA]', '[Person 1]', '[Person 1]']);
  });

  it('proposes a first name that two people share under its own term, never as either of them', () => {
    const d = detector('María López\nMaría Pérez');
    const [c] = d.find('Luego María llamó.');
    expect(d.infos.get(c!.termKey)!.label).toBe('María (2 people in the names list)');
    expect(new ReplacementNamer().name(d.infos.get(c!.termKey)!)).toBe('[Person]');
  });

  it('finds a derived one-word form only with a capital; a listed alias in any case', () => {
    const d = detector('Rosa Elena Castillo; rosi');
    expect(found(d, 'una rosa roja; ROSI y Rosa').map((f) => f[0])).toEqual(['ROSI', 'Rosa']);
  });

  it('finds names next to emoji, accents and punctuation, never across a line break', () => {
    const d = detector('Helena Varga');
    const text = '👩‍🔬Helena, (Varga)… «Helena»\nHelena\nVarga';
    const hits = d.find(text).map((c) => [c.start, text.slice(c.start, c.end)]);
    expect(hits).toEqual([
      [text.indexOf('Helena'), 'Helena'],
      [text.indexOf('Varga'), 'Varga'],
      [text.indexOf('«Helena') + 1, 'Helena'],
      [text.indexOf('\nHelena\n') + 1, 'Helena'],
      [text.lastIndexOf('Varga'), 'Varga'],
    ]);
  });

  it('reads a list with blank lines, comments, a BOM and Windows line ends, and says which line is wrong', () => {
    const parsed = parseNamesList('\uFEFF# people\r\n\r\nAna Ruiz; Ani\r\n  \r\n;;\r\nPC = Luis\u0007 Gil\r\n');
    expect(parsed.people.map((p) => [p.name, p.aliases, p.line])).toEqual([['Ana Ruiz', ['Ani'], 3]]);
    expect(parsed.problems.map((p) => p.message)).toEqual(['Line 5 of the names list has no name', 'A name on line 6 contains a control character', 'Line 6 of the names list has no name']);
  });
});

describe('terms list', () => {
  it('lets the longest overlapping term win: Universidad de Monterrey over Universidad and Monterrey', () => {
    const d = detector('', 'Universidad | University\nUniversidad de Monterrey | University\nMonterrey | Place');
    const text = 'Trabajo en la Universidad de Monterrey, no en otra universidad de Monterrey.';
    expect(found(d, text)).toEqual([
      ['Universidad de Monterrey', 'term', 'Universidad de Monterrey'],
      ['universidad de Monterrey', 'term', 'Universidad de Monterrey'],
    ]);
    const names = new ReplacementNamer().nameAll(d.infos.values());
    expect(names.get(d.find(text)[0]!.termKey)).toBe('[University 2]');
    expect([...names.values()]).toEqual(['[University 1]', '[University 2]', '[Place 1]']);
  });

  it('names a term without a category [Term n]', () => {
    const d = detector('', 'Northbridge');
    const [c] = d.find('At Northbridge, we');
    expect(new ReplacementNamer().name(d.infos.get(c!.termKey)!)).toBe('[Term 1]');
  });
});

describe('patterns', () => {
  const all = { ...DEFAULT_RULES, candidate: false, date: true };
  it('finds e-mail addresses, URLs, phone numbers and ID-like numbers', () => {
    const d = detector('', '', all);
    const text =
      'Write to maria.lopez@uni-mty.edu.mx or see https://uni-mty.edu.mx/staff/ml (or www.example.org). ' +
      'Call +34 612 345 678 or (81) 8358-2000; DNI 12345678Z, file AB-1234567.';
    expect(found(d, text).map(([s, k]) => [s, k])).toEqual([
      ['maria.lopez@uni-mty.edu.mx', 'email'],
      ['https://uni-mty.edu.mx/staff/ml', 'url'],
      ['www.example.org', 'url'],
      ['+34 612 345 678', 'phone'],
      ['(81) 8358-2000', 'phone'],
      ['12345678Z', 'id'],
      ['AB-1234567', 'id'],
    ]);
  });

  it('leaves years, amounts, timestamps and short numbers alone', () => {
    const d = detector('', '', all);
    expect(found(d, 'In 2019 2020 2021 we spent 1.500.000 pesos; 3 and 15 ECTS at 00:01:38, item Q12, COVID-19.')).toEqual([]);
  });

  it('finds dates in English and Spanish only when dates are asked for, and never calls them phones', () => {
    const text = 'On 12/03/2021, 2021-03-12, 12 March 2021, March 12, 2021 and el 3 de mayo de 2020 (mayo de 2020).';
    const on = found(detector('', '', all), text).map(([s, k]) => [s, k]);
    expect(on).toEqual([
      ['12/03/2021', 'date'],
      ['2021-03-12', 'date'],
      ['12 March 2021', 'date'],
      ['March 12, 2021', 'date'],
      ['3 de mayo de 2020', 'date'],
      ['mayo de 2020', 'date'],
    ]);
    expect(found(detector('', '', { ...all, date: false }), text)).toEqual([]);
  });

  it('lets an e-mail address that holds a listed name win over the name', () => {
    const d = detector('María López', '', all);
    expect(found(d, 'maria.lopez@x.org y María').map(([s, k]) => [s, k])).toEqual([['maria.lopez@x.org', 'email'], ['María', 'name']]);
  });

  it('gives the same term, hence the same replacement, to one address written twice', () => {
    const d = detector('', '', all);
    const [a, b] = d.find('ANA@X.ORG and ana@x.org');
    expect(a!.termKey).toBe(b!.termKey);
  });
});

describe('capitalised-name heuristic', () => {
  const corpus = [
    'The school of engineering and the university value open badges. la universidad pública y la escuela',
  ];
  const d = () => detector('', '', { candidate: true }, corpus);

  it('proposes names the lists miss, in English and Spanish, with particles inside', () => {
    const text = 'Yesterday I met Rosa Elena Castillo from Universidad de Sonora, and later Dr Okonkwo.';
    expect(found(d(), text).map((f) => f[0])).toEqual(['Rosa Elena Castillo', 'Universidad de Sonora', 'Okonkwo']);
  });

  it('skips ordinary words at the start of a sentence and capitalised words seen in lower case', () => {
    const text = 'The School of Engineering is new. Open Badges help. La Universidad está aquí. Entonces habló Maite. Honestly, no.';
    expect(found(d(), text).map((f) => f[0])).toEqual(['Maite']);
  });

  it('takes a name opening a sentence when the project capitalises it inside sentences too', () => {
    const corpusWithName = [...corpus, 'I asked Maite about it.'];
    const dd = detector('', '', { candidate: true }, corpusWithName);
    expect(found(dd, 'Maite agreed. Honestly, yes.').map((f) => f[0])).toEqual(['Maite']);
  });

  it('does not guess where a list or a pattern already found something', () => {
    const dd = detector('Helena Varga', '', { candidate: true, email: true }, corpus);
    expect(found(dd, 'Then Helena Varga wrote to Helena.Varga@Mail.org').map(([s, k]) => [s, k])).toEqual([
      ['Helena Varga', 'name'],
      ['Helena.Varga@Mail.org', 'email'],
    ]);
  });
});

describe('overlap resolution', () => {
  it('keeps the longest span, and on a tie the list before the pattern', () => {
    const kept = resolveOverlaps([
      { start: 0, end: 5, kind: 'phone', termKey: 'p' },
      { start: 0, end: 5, kind: 'name', termKey: 'n' },
      { start: 3, end: 12, kind: 'term', termKey: 't' },
      { start: 12, end: 14, kind: 'id', termKey: 'i' },
    ]);
    expect(kept.map((c) => c.termKey)).toEqual(['t', 'i']);
  });
});
