import { describe, expect, it } from 'vitest';
import { parseSourceSync } from '../../../electron/backend/import/parsers/parse-source.ts';
import { utf8Bytes } from '../../helpers/files.ts';

/** The turns a Markdown transcript gives, as the source the researcher then codes. */
function turnsOf(markdown: string): [string | null, string][] {
  const parsed = parseSourceSync('Interview 8.md', utf8Bytes(markdown), 'interview');
  if (parsed.kind !== 'interview') throw new Error('not an interview');
  return parsed.units.map((u) => [u.speaker, parsed.text.slice(u.start, u.end)]);
}

describe('Markdown transcripts', () => {
  it('one turn per line with no blank line between: each line is a turn, emphasis removed', () => {
    expect(turnsOf('# Interview 8\n\n**Interviewer:** Why did you start?\n**Mara:** Because the board asked us to.\nInterviewer: When?\nMara: Last *spring*.\n')).toEqual([
      [null, 'Interview 8'],
      ['Interviewer', 'Why did you start?'],
      ['Mara', 'Because the board asked us to.'],
      ['Interviewer', 'When?'],
      ['Mara', 'Last spring.'],
    ]);
  });

  it('one turn per paragraph keeps a turn’s wrapped lines together', () => {
    expect(turnsOf('Interviewer: Why did you start?\n\nMara: Because the board\nasked us to.\n\nInterviewer: When?\n\nMara: Last spring.\n')).toEqual([
      ['Interviewer', 'Why did you start?'],
      ['Mara', 'Because the board asked us to.'],
      ['Interviewer', 'When?'],
      ['Mara', 'Last spring.'],
    ]);
  });

  it('prose with no speakers stays paragraphs, its lines joined as Markdown joins them', () => {
    expect(turnsOf('The board met in spring.\nIt decided to offer short courses.\n\nNobody objected.\n')).toEqual([
      [null, 'The board met in spring. It decided to offer short courses.'],
      [null, 'Nobody objected.'],
    ]);
  });
});
