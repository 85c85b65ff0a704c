import { describe, expect, it } from 'vitest';
import { buildForms, ListMatcher, personKey } from '../../../shared/domain/anonymize/list-matcher.ts';
import { parseNamesList, parseTermsList, type PersonEntry } from '../../../shared/domain/anonymize/lists.ts';

function listsOf(people: PersonEntry[], terms = '') {
  const { forms, infos } = buildForms(people, parseTermsList(terms).terms);
  const matcher = new ListMatcher(forms);
  /** What the lists find in a text, as [surface, term label], in the order returned. */
  const found = (text: string): [string, string][] => matcher.find(text).map((c) => [text.slice(c.start, c.end), infos.get(c.termKey)!.label]);
  /** The surfaces alone. */
  const surfaces = (text: string): string[] => found(text).map(([s]) => s);
  return { infos, matcher, found, surfaces };
}

const lists = (names: string, terms = '') => listsOf(parseNamesList(names).people, terms);

/** A person as the project gives it (from its participants), not read from a list. */
const person = (name: string): PersonEntry => ({ name, aliases: [], participantLabel: null, line: 0 });

describe('separators between the words of a name', () => {
  it('finds a full name across any run of spaces, tabs or no-break spaces, each with its first name and surname', () => {
    const { surfaces } = lists('Helena Varga');
    expect(surfaces('Helena  Varga.')).toEqual(['Helena  Varga', 'Helena', 'Varga']);
    expect(surfaces('Helena\tVarga.')).toEqual(['Helena\tVarga', 'Helena', 'Varga']);
    expect(surfaces('Helena \u00a0 Varga.')).toEqual(['Helena \u00a0 Varga', 'Helena', 'Varga']);
  });

  it('matches a curly apostrophe with a straight one, either way round', () => {
    expect(lists('', "O'Brien").surfaces('Ask O’Brien, or O‘Brien.')).toEqual(['O’Brien', 'O‘Brien']);
    expect(lists('', 'O’Brien').surfaces("Ask O'Brien.")).toEqual(["O'Brien"]);
  });

  it('keeps the punctuation between the words: Jean-Paul is not the "Jean - Paul" of an interrupted sentence', () => {
    const { surfaces } = lists('Jean-Paul Sartre');
    expect(surfaces('Jean-Paul vino.')).toEqual(['Jean-Paul', 'Jean', 'Paul']);
    expect(surfaces('Le dije a Jean - Paul no vino.')).toEqual(['Jean', 'Paul']);
    expect(lists('', "O'Brien").surfaces('Ask O Brien.')).toEqual([]);
  });

  it('looks for a name that holds a line break (from the project) with a space instead', () => {
    const { surfaces } = listsOf([person('María José\nLópez')]);
    expect(surfaces('Vino María José López.')).toEqual(['María José López', 'María José', 'María', 'José López', 'José', 'López']);
    expect(surfaces('Vino María José\nLópez.')).toEqual(['María José', 'María', 'José', 'López']);
  });
});

describe('which entries are looked for', () => {
  it('never looks for a lone letter, which would match every initial', () => {
    const { matcher, surfaces } = lists('J\nAna M. Ruiz', 'X');
    expect(surfaces('J said that M and X left; then Ana M. Ruiz came.')).toEqual(['Ana M. Ruiz', 'Ana M', 'Ana', 'M. Ruiz', 'Ruiz']);
    expect(lists('J', 'X').matcher.empty).toBe(true);
    expect(matcher.empty).toBe(false);
  });

  it('looks for two-letter names and an alias starting with an initial', () => {
    expect(lists('Bo Li; J. Smith').surfaces('Bo met Li and J. Smith.')).toEqual(['Bo', 'Li', 'J. Smith']);
    expect(lists('', 'UN | Organisation').surfaces('The UN met in Geneva.')).toEqual(['UN']);
  });

  it('gives nothing to look for for a name without letters, and finds nothing with empty lists', () => {
    expect(listsOf([person('—')]).matcher.empty).toBe(true);
    const empty = lists('');
    expect(empty.matcher.empty).toBe(true);
    expect(empty.matcher.find('Helena Varga')).toEqual([]);
  });

  it('finds a listed name or alias in any case, a part of a name only with a capital', () => {
    const { surfaces } = lists('Rosa Elena Castillo; la rosi');
    expect(surfaces('rosa elena castillo, la rosi, una rosa roja, Rosa.')).toEqual(['rosa elena castillo', 'la rosi', 'Rosa']);
  });

  it('finds every part of a longer name: the middle name alone, runs of names, not particles at either end', () => {
    const { surfaces } = lists('Ana María de Castro');
    expect(surfaces('Elena y Ana María; María de Castro; de Castro y Castro')).toEqual(['Ana María', 'Ana', 'María', 'María de Castro', 'María', 'Castro', 'Castro', 'Castro']);
    expect(lists('Rosa Elena Castillo').surfaces('Elena')).toEqual(['Elena']);
  });

  it('does not take a particle as the edge of a part: Van Gogh opening a sentence is Gogh, Vincent van is Vincent', () => {
    const { surfaces } = lists('Vincent van Gogh');
    expect(surfaces('Van Gogh pintó. Vincent van Gogh, Vincent van.')).toEqual(['Gogh', 'Vincent van Gogh', 'Vincent', 'Gogh', 'Vincent']);
  });

  it('finds a name once when an alias repeats the name or one of its parts, and a term once when listed twice', () => {
    expect(lists('Ana Ruiz; ANA RUIZ; Ana').surfaces('Ana Ruiz')).toEqual(['Ana Ruiz', 'Ana', 'Ruiz']);
    expect(lists('María José López; María José').surfaces('María José')).toEqual(['María José', 'María', 'José']);
    expect(lists('', 'Universidad de Monterrey\nuniversidad de monterrey').surfaces('Universidad de Monterrey')).toEqual(['Universidad de Monterrey']);
    expect(lists('Helena Varga', 'Helena Varga | Person').found('Helena Varga')[0]).toEqual(['Helena Varga', 'Helena Varga']);
    expect(lists('Helena Varga', 'Helena Varga | Person').surfaces('Helena Varga')).toEqual(['Helena Varga', 'Helena', 'Varga']);
  });

  it('returns the longest form first where several start at one word', () => {
    const { surfaces } = lists('Ana\nAna Ruiz García', 'Universidad\nUniversidad de Monterrey');
    expect(surfaces('Ana Ruiz García, Universidad de Monterrey')).toEqual(['Ana Ruiz García', 'Ana Ruiz', 'Ana', 'Ruiz García', 'Ruiz', 'García', 'Universidad de Monterrey', 'Universidad']);
  });
});

describe('people and terms', () => {
  it('merges two lines for one person: every alias is found under one term, as if written on one line', () => {
    const twice = lists('María López; Marilo\nMaria Lopez; Mari');
    expect(twice.found('Marilo y Mari')).toEqual([
      ['Marilo', 'María López'],
      ['Mari', 'María López'],
    ]);
    expect(twice.infos.size).toBe(1);
    expect(buildForms(parseNamesList('María López; Marilo\nMaria Lopez; Mari').people, [])).toEqual(buildForms(parseNamesList('María López; Marilo; Mari').people, []));
  });

  it('merges the lines of one participant label, the later name becoming an alias', () => {
    const { found, infos } = lists('PA = Helena Varga\nPA = Lena Varga; Lenita');
    expect(found('Lena Varga, Lenita, Helena Varga')).toEqual([
      ['Lena Varga', 'Helena Varga'],
      ['Varga', 'Helena Varga'],
      ['Lenita', 'Helena Varga'],
      ['Helena Varga', 'Helena Varga'],
      ['Helena', 'Helena Varga'],
      ['Varga', 'Helena Varga'],
    ]);
    expect([...infos.values()].map((i) => [i.label, i.participantLabel])).toEqual([['Helena Varga', 'PA']]);
  });

  it('keeps the participant label whichever line of the person gives it', () => {
    const label = (names: string) => [...lists(names).infos.values()].map((i) => i.participantLabel);
    expect(label('Helena Varga\nPA = Helena Varga')).toEqual(['PA']);
    expect(label('PA = Helena Varga\nHelena Varga')).toEqual(['PA']);
    expect(label('PA = Helena Varga\nPB = Helena Varga')).toEqual(['PA']);
  });

  it('keys a participant by the person, not by the label', () => {
    const people = parseNamesList('PA = Helena Varga').people;
    const { forms } = buildForms(people, []);
    const [c] = new ListMatcher(forms).find('Helena Varga');
    expect(c!.termKey).toBe(personKey(people[0]!));
  });

  it('orders the terms: people in list order, then shared names, then list terms; a repeated term keeps its first category', () => {
    const { infos, found } = lists('María López\nMaría Pérez\nTomás Reyes', 'Monterrey | Place\nUNAM | University\nmonterrey | City');
    expect([...infos.values()].map((i) => [i.label, i.kind, i.category, i.order])).toEqual([
      ['María López', 'name', null, 0],
      ['María Pérez', 'name', null, 1],
      ['Tomás Reyes', 'name', null, 2],
      ['María (2 people in the names list)', 'name', null, 3],
      ['Monterrey', 'term', 'Place', 4],
      ['UNAM', 'term', 'University', 5],
    ]);
    expect(found('Monterrey')).toEqual([['Monterrey', 'Monterrey']]);
  });
});

describe('capitals', () => {
  it('finds a part written with a capital or a titlecase first letter, not one in lower case', () => {
    const { surfaces } = lists('Ǆemal Ruiz');
    expect(surfaces('ǆemal, ǅemal, Ǆemal')).toEqual(['ǅemal', 'Ǆemal']);
  });

  it('finds the parts of a name written in a script without capitals', () => {
    const { surfaces } = lists('محمد علي');
    expect(surfaces('قال علي إن محمد علي جاء')).toEqual(['علي', 'محمد علي', 'محمد', 'علي']);
  });
});
