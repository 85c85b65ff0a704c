import type { Clock } from '../electron/backend/context.ts';
import { Project } from '../electron/backend/project.ts';
import { insertCode } from '../electron/backend/repositories/codes.ts';
import { insertCoding } from '../electron/backend/repositories/codings.ts';
import { insertMemo } from '../electron/backend/repositories/memos.ts';
import { defineAttribute, insertParticipant, setAttributeValue } from '../electron/backend/repositories/participants.ts';
import { insertSource, insertUnit } from '../electron/backend/repositories/sources.ts';
import { plainTextToHtml } from '../shared/domain/html-text.ts';
import { corpusSpec, type CorpusName, type CorpusSpec } from './corpora.ts';
import { forEachSource, planCodes, planParticipants } from './corpus-plan.ts';

export type CorpusStats = {
  corpus: string;
  sources: number;
  participants: number;
  words: number;
  turns: number;
  /** UTF-16 units of source text. */
  textChars: number;
  codes: number;
  codings: number;
  /** Summed length of all codings; over textChars it shows how much they overlap. */
  codedChars: number;
  memos: number;
};

export type CorpusProgress = { done: number; total: number; stats: CorpusStats };

/** Every generated row carries the same time, so two generations give identical files. */
export const BENCH_CLOCK: Clock = () => new Date('2024-06-11T09:00:00.000Z');
export const BENCH_CODER = 'bench';
const SOURCES_PER_TRANSACTION = 25;

/**
 * Writes the corpus as a new project file at `path` (which must not exist) through the same
 * repository functions the app uses, one transaction per batch of sources. Synchronous, like
 * the store underneath; large (5M words, 100k codings) takes seconds.
 */
export function generateProject(path: string, corpus: CorpusName | CorpusSpec, onProgress?: (p: CorpusProgress) => void): CorpusStats {
  const spec = corpusSpec(corpus);
  const project = Project.open(path, { clock: BENCH_CLOCK, coderName: BENCH_CODER, create: { template: 'empty' } });
  const { db, ctx } = project;
  const now = ctx.now();
  const stats: CorpusStats = { corpus: spec.name, sources: 0, participants: 0, words: 0, turns: 0, textChars: 0, codes: 0, codings: 0, codedChars: 0, memos: 0 };
  try {
    const { participantIds, codeIds } = db.transaction(() => {
      ctx.audit('generate', 'project', null, { generator: 'bench/corpus.ts', corpus: spec });
      const role = defineAttribute(db, 'role', 'category');
      const participantIds = planParticipants(spec).map((p) => {
        const id = insertParticipant(db, { label: p.label, name: '', description: '' }, now);
        setAttributeValue(db, id, role.id, p.role);
        return id;
      });
      const planned = planCodes(spec);
      const ids: number[] = [];
      for (const c of planned) {
        const parentId = c.parentIndex === null ? null : ids[c.parentIndex]!;
        ids.push(insertCode(db, { parentId, name: c.name, color: c.color, definition: '', origin: c.origin }, ctx.coderId, now));
      }
      const leaves = ids.filter((_, i) => planned[i]!.parentIndex !== null);
      return { participantIds, codeIds: leaves.length > 0 ? leaves : ids };
    });
    stats.participants = participantIds.length;
    stats.codes = spec.codes;

    let batch: (() => void)[] = [];
    const flush = (): void => {
      db.transaction(() => batch.forEach((write) => write()));
      batch = [];
      onProgress?.({ done: stats.sources, total: spec.sources, stats: { ...stats } });
    };
    forEachSource(spec, codeIds, (source) => {
      const { interview } = source;
      batch.push(() => {
        const sourceId = insertSource(db, { kind: 'interview', name: source.name, text: interview.text, origin: `bench:${spec.name}` }, now);
        for (const t of interview.turns) {
          insertUnit(db, sourceId, {
            kind: 'turn',
            start: t.start,
            end: t.end,
            speaker: t.speaker,
            isInterviewer: t.isInterviewer,
            participantId: t.isInterviewer ? null : participantIds[source.participantIndex]!,
            timestampMs: t.timestampMs,
          });
        }
        for (const c of source.codings) {
          const quote = interview.text.slice(c.start, c.end);
          const codingId = insertCoding(db, { sourceId, codeId: c.codeId, start: c.start, end: c.end, quote }, ctx.coderId, now);
          if (c.memo !== null) {
            insertMemo(db, { targetKind: 'coding', targetId: codingId, title: '', body: plainTextToHtml(c.memo), text: c.memo }, ctx.coderId, now);
          }
        }
      });
      stats.sources++;
      stats.words += interview.words;
      stats.turns += interview.turns.length;
      stats.textChars += interview.text.length;
      stats.codings += source.codings.length;
      stats.codedChars += source.codings.reduce((sum, c) => sum + c.end - c.start, 0);
      stats.memos += source.codings.filter((c) => c.memo !== null).length;
      if (batch.length >= SOURCES_PER_TRANSACTION) flush();
    });
    if (batch.length > 0) flush();
    // Fold the WAL into the main file so the project is one self-contained file to copy.
    db.raw.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    project.close();
  }
  return stats;
}
