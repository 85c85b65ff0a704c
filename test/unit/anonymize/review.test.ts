import { describe, expect, it } from 'vitest';
import { replaceSpans } from '../../../shared/domain/anonymize/replace.ts';
import {
  occurrenceDecisionKey,
  occurrenceKey,
  plannedReplacements,
  replacementOf,
  reviewTerms,
  ruleDecisionKey,
  termDecisionKey,
  verdictFor,
  type DecisionRecord,
} from '../../../shared/domain/anonymize/review.ts';
import type { Candidate, TermInfo } from '../../../shared/domain/anonymize/types.ts';

const REF = 'source:7:text';
const TEXT = 'Helena wrote from helena@uni.org to Luis.';
const HELENA = 'person:helena varga';
const LUIS = 'person:luis';
const MAIL = 'email:helena@uni.org';
const at = (surface: string, kind: Candidate['kind'], termKey: string): Candidate => ({ start: TEXT.indexOf(surface), end: TEXT.indexOf(surface) + surface.length, kind, termKey });
const FOUND: Candidate[] = [at('Helena', 'name', HELENA), at('helena@uni.org', 'email', MAIL), at('Luis', 'name', LUIS)];
const DEFAULTS = new Map([
  [HELENA, '[Participant PA]'],
  [MAIL, '[E-mail 1]'],
  [LUIS, '[Person 1]'],
]);
const reject: DecisionRecord = { decision: 'reject', replacement: null };
const accept: DecisionRecord = { decision: 'accept', replacement: null };

const rewritten = (decisions: Map<string, DecisionRecord>, defaults = DEFAULTS) => replaceSpans(TEXT, plannedReplacements(REF, TEXT, FOUND, decisions, defaults)).text;

describe('which decision is in force', () => {
  const occ = occurrenceKey(REF, 0, 'Helena');

  it('replaces by default, and says so', () => {
    expect(verdictFor(new Map(), 'name', HELENA, occ)).toEqual({ decision: 'accept', by: 'default' });
  });

  it('takes the rule of the kind, then the term, then the occurrence, the narrowest made', () => {
    const decisions = new Map<string, DecisionRecord>([[ruleDecisionKey('name'), reject]]);
    expect(verdictFor(decisions, 'name', HELENA, occ)).toEqual({ decision: 'reject', by: 'rule' });
    decisions.set(termDecisionKey(HELENA), accept);
    expect(verdictFor(decisions, 'name', HELENA, occ)).toEqual({ decision: 'accept', by: 'term' });
    decisions.set(occurrenceDecisionKey(occ), reject);
    expect(verdictFor(decisions, 'name', HELENA, occ)).toEqual({ decision: 'reject', by: 'occurrence' });
    // Another occurrence of the same term still follows the term.
    expect(verdictFor(decisions, 'name', HELENA, occurrenceKey(REF, 50, 'Helena'))).toEqual({ decision: 'accept', by: 'term' });
  });

  it('applies a rule to its own kind only', () => {
    const decisions = new Map<string, DecisionRecord>([[ruleDecisionKey('email'), reject]]);
    expect(verdictFor(decisions, 'name', HELENA, occ)).toEqual({ decision: 'accept', by: 'default' });
    expect(rewritten(decisions)).toBe('[Participant PA] wrote from helena@uni.org to [Person 1].');
  });
});

describe('replacements', () => {
  it('uses the researcher’s edit, else the default, else [Removed]', () => {
    const decisions = new Map<string, DecisionRecord>([[termDecisionKey(LUIS), { decision: 'accept', replacement: '[the tutor]' }]]);
    expect(replacementOf(decisions, LUIS, DEFAULTS)).toBe('[the tutor]');
    expect(replacementOf(decisions, HELENA, DEFAULTS)).toBe('[Participant PA]');
    expect(replacementOf(decisions, 'person:nobody', DEFAULTS)).toBe('[Removed]');
    expect(rewritten(new Map(), new Map())).toBe('[Removed] wrote from [Removed] to [Removed].');
  });
});

describe('the review list', () => {
  const info = (key: string, kind: TermInfo['kind'], label: string, order: number): TermInfo => ({ key, kind, label, participantLabel: null, category: null, order });
  const infos = new Map<string, TermInfo>([
    [HELENA, info(HELENA, 'name', 'Helena Varga', 0)],
    [LUIS, info(LUIS, 'name', 'Luis', 1)],
    [MAIL, info(MAIL, 'email', 'helena@uni.org', 2)],
  ]);

  it('lists the terms found, in the order they were first met, with counts, replacement and decision', () => {
    // Counted in the order the texts happened to be read, not the order of first appearance.
    const counts = new Map([
      [LUIS, { occurrences: 3, accepted: 2 }],
      [HELENA, { occurrences: 4, accepted: 4 }],
      [MAIL, { occurrences: 1, accepted: 1 }],
    ]);
    const decisions = new Map<string, DecisionRecord>([
      [termDecisionKey(LUIS), { decision: 'accept', replacement: '[the tutor]' }],
      [ruleDecisionKey('email'), reject],
      [occurrenceDecisionKey(occurrenceKey(REF, 0, 'Helena')), reject],
    ]);
    expect(reviewTerms(counts, infos, decisions, DEFAULTS)).toEqual([
      { key: HELENA, kind: 'name', label: 'Helena Varga', replacement: '[Participant PA]', decision: 'accept', decidedBy: 'default', occurrences: 4, accepted: 4 },
      { key: LUIS, kind: 'name', label: 'Luis', replacement: '[the tutor]', decision: 'accept', decidedBy: 'term', occurrences: 3, accepted: 2 },
      { key: MAIL, kind: 'email', label: 'helena@uni.org', replacement: '[E-mail 1]', decision: 'reject', decidedBy: 'rule', occurrences: 1, accepted: 1 },
    ]);
  });

  it('leaves out a counted term it knows nothing about', () => {
    const counts = new Map([
      ['person:gone', { occurrences: 1, accepted: 1 }],
      [LUIS, { occurrences: 1, accepted: 0 }],
    ]);
    const decisions = new Map<string, DecisionRecord>([[termDecisionKey(LUIS), reject]]);
    expect(reviewTerms(counts, infos, decisions, DEFAULTS)).toEqual([
      { key: LUIS, kind: 'name', label: 'Luis', replacement: '[Person 1]', decision: 'reject', decidedBy: 'term', occurrences: 1, accepted: 0 },
    ]);
  });
});
