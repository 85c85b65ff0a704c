import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../electron/backend/import/parsers/parse-source.ts';
import { decodeXmlText } from '../../../electron/backend/import/parsers/xml.ts';
import { utf8Bytes } from '../../helpers/files.ts';

/**
 * Half a surrogate pair is not a character; SQLite stores it as bytes that are not UTF-8, and
 * a row holding it can then not be found again (an undo refused it as "changed by others").
 * Found by fuzzing (test/unit/fuzz, test/integration/fuzz): every way a file can name one
 * ends as U+FFFD, one unit for one, so positions stay.
 */
describe('a file that names half a character', () => {
  it('XML character references to a surrogate become U+FFFD', () => {
    expect(decodeXmlText('a&#xD800;b&#56320;c&#x1F600;')).toBe('a\uFFFDb\uFFFDc😀');
  });

  it('captions and Whisper JSON escapes keep their length with U+FFFD in place', async () => {
    const vtt = await parseSource('c.vtt', utf8Bytes('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAna: caf&#xD800;é\n'), 'interview');
    expect(vtt.kind === 'interview' && vtt.text).toBe('Ana: caf\uFFFDé');
    const json = await parseSource('w.json', utf8Bytes('{"segments":[{"start":0,"end":1,"text":" a\\ud800b","speaker":"SPEAKER_00\\udc00"}]}'), 'interview');
    expect(json.kind === 'interview' && json.text).toBe('SPEAKER_00\uFFFD: a\uFFFDb');
  });
});
