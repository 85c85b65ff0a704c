import { describe, expect, it } from 'vitest';
import { parseNamesList, parseTermsList } from '../../../shared/domain/anonymize/lists.ts';

const names = (text: string) => {
  const { people, problems } = parseNamesList(text);
  return { people: people.map((p) => [p.participantLabel, p.name, p.aliases, p.line]), problems: problems.map((p) => [p.line, p.message]) };
};
const terms = (text: string) => {
  const { terms: list, problems } = parseTermsList(text);
  return { terms: list.map((t) => [t.term, t.category, t.line]), problems: problems.map((p) => [p.line, p.message]) };
};

describe('reading the lines of a list', () => {
  it('splits on old Mac line ends as well as Unix and Windows ones', () => {
    expect(names('Ana Ruiz\rLuis Gil\r\nTomás Reyes\nRosa Castillo').people.map((p) => [p[1], p[3]])).toEqual([
      ['Ana Ruiz', 1],
      ['Luis Gil', 2],
      ['Tomás Reyes', 3],
      ['Rosa Castillo', 4],
    ]);
  });

  it('drops zero-width spaces and collapses runs of white space inside an entry', () => {
    expect(names('Ana\u200b Ruiz;  Ani   R.\nLuis\t\tGil').people).toEqual([
      [null, 'Ana Ruiz', ['Ani R.'], 1],
      [null, 'Luis Gil', [], 2],
    ]);
    expect(terms('Universidad   de\u200b Monterrey |  Public   University').terms).toEqual([['Universidad de Monterrey', 'Public University', 1]]);
  });
});

describe('names list', () => {
  it('reads an empty participant label before "=" as no label', () => {
    expect(names('= Ana Ruiz').people).toEqual([[null, 'Ana Ruiz', [], 1]]);
    expect(names('PA = Ana Ruiz; Ani').people).toEqual([['PA', 'Ana Ruiz', ['Ani'], 1]]);
  });

  it('says which part of which line is wrong: the label, a name', () => {
    const read = names('-- = Ana Ruiz\nPB = Luis\u0007 Gil; Lucho\n12 = Tomás Reyes');
    expect(read.people).toEqual([
      [null, 'Ana Ruiz', [], 1],
      ['PB', 'Lucho', [], 2],
      ['12', 'Tomás Reyes', [], 3],
    ]);
    expect(read.problems).toEqual([
      [1, 'The participant label on line 1 (“--”) holds no letter or digit'],
      [2, 'A name on line 2 contains a control character'],
    ]);
  });

  it('takes entries up to 200 characters and refuses longer ones', () => {
    const at = 'A'.repeat(199) + 'z';
    expect(names(`${at}\n${at}x`)).toEqual({
      people: [[null, at, [], 1]],
      problems: [
        [2, 'A name on line 2 is longer than 200 characters'],
        [2, 'Line 2 of the names list has no name'],
      ],
    });
  });
});

describe('terms list', () => {
  it('reads a term with or without a category, the category after the last bar', () => {
    expect(terms('Universidad de Monterrey | University\nNorthbridge\nA|B | Code').terms).toEqual([
      ['Universidad de Monterrey', 'University', 1],
      ['Northbridge', 'Term', 2],
      ['A|B', 'Code', 3],
    ]);
  });

  it('reports a line with a category but no term, and keeps the term of a bad category with the default', () => {
    expect(terms('| Place\n   | Place\nMonterrey | ???')).toEqual({
      terms: [['Monterrey', 'Term', 3]],
      problems: [
        [1, 'Line 1 of the terms list has no term'],
        [2, 'Line 2 of the terms list has no term'],
        [3, 'The category on line 3 (“???”) holds no letter or digit'],
      ],
    });
  });

  it('reports a bad category even when the term is missing too', () => {
    expect(terms('| ---').problems).toEqual([
      [1, 'The category on line 1 (“---”) holds no letter or digit'],
      [1, 'Line 1 of the terms list has no term'],
    ]);
  });

  it('says once what is wrong with a term that is there but bad, and twice when there is no category to keep it apart', () => {
    expect(terms('Uni\u0007 | University\n*** | Place').problems).toEqual([
      [1, 'The term on line 1 contains a control character'],
      [2, 'The term on line 2 (“***”) holds no letter or digit'],
    ]);
    expect(terms('Uni\u0007').problems).toEqual([
      [1, 'The term on line 1 contains a control character'],
      [1, 'Line 1 of the terms list has no term'],
    ]);
  });

  it('takes terms of digits alone, refuses one longer than 200 characters', () => {
    const long = 'Calle '.repeat(34);
    expect(terms(`1984\n${long}| Street`)).toEqual({
      terms: [['1984', 'Term', 1]],
      problems: [[2, 'The term on line 2 is longer than 200 characters']],
    });
  });

  it('gives an empty list for an empty text', () => {
    expect(parseTermsList('')).toEqual({ terms: [], problems: [] });
    expect(parseTermsList('# places\n\n')).toEqual({ terms: [], problems: [] });
  });
});
