import { ApiFailure } from '../../../shared/api/errors.ts';
import type { HandlerMap } from '../handler-types.ts';
import { getCode } from '../repositories/codes.ts';
import { answersToQuestion, listQuestionItems, listSpeakers, questionExists, turnsOfSpeaker } from '../repositories/analysis-search.ts';
import { found } from './require.ts';
import { codeTargets, countAlreadyCoded, distinctTargets, type Target } from './search-coding.ts';
import { allHits, findHits, toKwic, type Hit } from './search-engine.ts';
import type { KwicHit } from '../../../shared/domain/analysis/types.ts';

type M = 'search.run' | 'search.previewCodeHits' | 'search.codeHits' | 'search.structure' | 'search.codeSpeaker' | 'search.codeQuestion';

/** The ranges "code all hits" codes: the matched words, or the unit each hit lies in. */
const targetsOf = (hits: readonly Hit[], scope: 'hit' | 'unit'): Target[] =>
  distinctTargets(
    hits.map((h) =>
      scope === 'unit' && h.unitStart !== null && h.unitEnd !== null
        ? { sourceId: h.sourceId, start: h.unitStart, end: h.unitEnd }
        : { sourceId: h.sourceId, start: h.start, end: h.end },
    ),
  );

export const searchHandlers: HandlerMap<M> = {
  'search.run': (input, { db }) => {
    const hits: KwicHit[] = [];
    let skipped = 0;
    let complete = true;
    const candidateSources = findHits(db, input, (h) => {
      if (skipped < input.offset) {
        skipped++;
        return true;
      }
      if (hits.length === input.limit) {
        complete = false;
        return false;
      }
      hits.push(toKwic(h));
      return true;
    });
    return { hits, complete, candidateSources };
  },
  'search.previewCodeHits': (input, ctx) => {
    found(getCode(ctx.db, input.codeId), `Code ${input.codeId}`, 'codeId');
    const hits = allHits(ctx.db, input);
    const targets = targetsOf(hits, input.scope);
    const alreadyCoded = countAlreadyCoded(ctx, input.codeId, targets);
    return {
      hits: hits.length,
      toCreate: targets.length - alreadyCoded,
      alreadyCoded,
      sources: new Set(hits.map((h) => h.sourceId)).size,
      sample: hits.slice(0, 5).map(toKwic),
    };
  },
  'search.codeHits': (input, ctx) => {
    found(getCode(ctx.db, input.codeId), `Code ${input.codeId}`, 'codeId');
    const hits = allHits(ctx.db, input);
    if (hits.length === 0) throw new ApiFailure('invalid_input', `query: “${input.query}” has no hits to code`, 'query');
    return codeTargets(ctx, input.codeId, targetsOf(hits, input.scope), { via: 'search', query: input.query, scope: input.scope });
  },
  'search.structure': (_input, { db }) => ({ speakers: listSpeakers(db), questions: listQuestionItems(db) }),
  'search.codeSpeaker': (input, ctx) => {
    found(getCode(ctx.db, input.codeId), `Code ${input.codeId}`, 'codeId');
    const turns = turnsOfSpeaker(ctx.db, input.speaker);
    if (turns.length === 0) throw new ApiFailure('not_found', `No turns of a speaker called “${input.speaker}”`, 'speaker');
    return codeTargets(ctx, input.codeId, turns, { via: 'speaker', speaker: input.speaker });
  },
  'search.codeQuestion': (input, ctx) => {
    found(getCode(ctx.db, input.codeId), `Code ${input.codeId}`, 'codeId');
    if (!questionExists(ctx.db, input.questionId)) throw new ApiFailure('not_found', `Question ${input.questionId} does not exist`, 'questionId');
    const answers = answersToQuestion(ctx.db, input.questionId);
    if (answers.length === 0) throw new ApiFailure('not_found', `Question ${input.questionId} has no answers to code`, 'questionId');
    return codeTargets(ctx, input.codeId, answers, { via: 'question', questionId: input.questionId });
  },
};
