import { describe, expect, it } from 'vitest';
import { Detector } from '../../../shared/domain/anonymize/detect.ts';
import { detectionText, normalizeHtmlText } from '../../../shared/domain/anonymize/fields.ts';
import { ReplacementNamer } from '../../../shared/domain/anonymize/labels.ts';
import { parseNamesList } from '../../../shared/domain/anonymize/lists.ts';
import { moveSpan, replaceSpans } from '../../../shared/domain/anonymize/replace.ts';
import { occurrenceDecisionKey, occurrenceKey, plannedReplacements, ruleDecisionKey, termDecisionKey, type DecisionRecord } from '../../../shared/domain/anonymize/review.ts';
import { DEFAULT_RULES } from '../../../shared/domain/anonymize/types.ts';

/** Rewrites `text` replacing each listed word, and moves [start, end) of `span` (given as the covered words). */
function rewrite(text: string, names: Record<string, string>, span: string) {
  const reps = Object.entries(names).flatMap(([word, rep]) => [...text.matchAll(new RegExp(word, 'gu'))].map((m) => ({ start: m.index, end: m.index + word.length, text: rep })));
  const r = replaceSpans(text, reps);
  const start = text.indexOf(span);
  const moved = moveSpan(r.edits, start, start + span.length);
  return { text: r.text, covered: r.text.slice(moved.start, moved.end) };
}

describe('moving anchors', () => {
  it('keeps a span over untouched words on the same words, before and after a replacement', () => {
    expect(rewrite('Helena said the course was useful.', { Helena: '[Participant PA]' }, 'the course').covered).toBe('the course');
    expect(rewrite('The course, said Helena.', { Helena: '[Participant PA]' }, 'The course').covered).toBe('The course');
  });

  it('lets a span that holds a name hold its replacement', () => {
    expect(rewrite('I told Helena Varga so.', { 'Helena Varga': '[Participant PA]' }, 'told Helena Varga so').covered).toBe('told [Participant PA] so');
  });

  it('covers the whole replacement when a span overlaps part of a name, at either edge', () => {
    const text = 'I told Helena Varga so.';
    const names = { 'Helena Varga': '[Participant PA]' };
    expect(rewrite(text, names, 'told Helena').covered).toBe('told [Participant PA]');
    expect(rewrite(text, names, 'Varga so').covered).toBe('[Participant PA] so');
    expect(rewrite(text, names, 'lena Var').covered).toBe('[Participant PA]');
  });

  it('leaves a span that ends right before a name, or starts right after one, outside the replacement', () => {
    const text = 'I told Helena so.';
    expect(rewrite(text, { Helena: '[P]' }, 'I told ').covered).toBe('I told ');
    expect(rewrite(text, { Helena: '[P]' }, ' so.').covered).toBe(' so.');
  });

  it('counts UTF-16 units: an emoji before a name moves nothing out of place', () => {
    const text = '🎓👩‍🔬 Tomás dijo: «sí» 😀 Tomás';
    const r = rewrite(text, { Tomás: '[Participant PB]' }, '«sí» 😀 Tomás');
    expect(r.covered).toBe('«sí» 😀 [Participant PB]');
    expect(r.text).toBe('🎓👩‍🔬 [Participant PB] dijo: «sí» 😀 [Participant PB]');
  });

  it('refuses overlapping replacements and ones that split a character', () => {
    expect(() => replaceSpans('abcdef', [{ start: 0, end: 3, text: 'x' }, { start: 2, end: 4, text: 'y' }])).toThrow(/overlaps/);
    expect(() => replaceSpans('a😀b', [{ start: 2, end: 3, text: 'x' }])).toThrow(/splits a character/);
  });

  it('keeps adjacent turns apart when a name opens one turn and closes the other', () => {
    const text = 'PA: asked Helena\n\nPB: Helena answered';
    const r = replaceSpans(text, [...text.matchAll(/Helena/g)].map((m) => ({ start: m.index, end: m.index + 6, text: '[Participant PA]' })));
    const turn1 = moveSpan(r.edits, 4, 16);
    const turn2 = moveSpan(r.edits, 22, text.length);
    expect(r.text.slice(turn1.start, turn1.end)).toBe('asked [Participant PA]');
    expect(r.text.slice(turn2.start, turn2.end)).toBe('[Participant PA] answered');
    expect(turn1.end).toBeLessThan(turn2.start);
  });
});

describe('review decisions', () => {
  const detect = (text: string) => {
    const d = new Detector({ people: parseNamesList('PA = Helena Varga\nAna Ruiz').people, terms: [], rules: { ...DEFAULT_RULES, candidate: false } });
    const found = d.find(text);
    return { found, defaults: new ReplacementNamer().nameAll(d.infos.values()) };
  };
  const text = 'Helena met Ana; ana@x.org wrote to Helena.';

  it('replaces every proposal unless rejected', () => {
    const { found, defaults } = detect(text);
    const reps = plannedReplacements('source:1:text', text, found, new Map(), defaults);
    expect(replaceSpans(text, reps).text).toBe('[Participant PA] met [Person 1]; [E-mail 1] wrote to [Participant PA].');
  });

  it('lets an occurrence decision beat its term, a term beat its rule, and uses an edited replacement', () => {
    const { found, defaults } = detect(text);
    const second = text.lastIndexOf('Helena');
    const decisions = new Map<string, DecisionRecord>([
      [ruleDecisionKey('email'), { decision: 'reject', replacement: null }],
      [termDecisionKey(found[0]!.termKey), { decision: 'accept', replacement: '[the lecturer]' }],
      [occurrenceDecisionKey(occurrenceKey('source:1:text', second, 'Helena')), { decision: 'reject', replacement: null }],
      [ruleDecisionKey('name'), { decision: 'reject', replacement: null }],
    ]);
    const reps = plannedReplacements('source:1:text', text, found, decisions, defaults);
    expect(replaceSpans(text, reps).text).toBe('[the lecturer] met Ana; ana@x.org wrote to Helena.');
  });
});

describe('memo bodies (HTML)', () => {
  it('finds names in text, not in tags or across them, with positions of the HTML', () => {
    const body = normalizeHtmlText('<p>Tom&aacute;s met <b>Helena</b>&nbsp;Varga at <a href="https://x.org/helena">the lab</a></p>');
    expect(body).toBe('<p>Tomás met <b>Helena</b>\u00a0Varga at <a href="https://x.org/helena">the lab</a></p>');
    const d = new Detector({ people: parseNamesList('Helena Varga\nTomás').people, terms: [], rules: { ...DEFAULT_RULES, candidate: false } });
    const view = detectionText({ text: body, html: true });
    expect(view.length).toBe(body.length);
    expect(d.find(view).map((c) => body.slice(c.start, c.end))).toEqual(['Tomás', 'Helena', 'Varga']);
  });
});
