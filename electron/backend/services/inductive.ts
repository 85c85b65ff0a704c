import { ApiFailure } from '../../../shared/api/errors.ts';
import type { Evidence, InductiveCode } from '../../../shared/api/methods/workbench.ts';
import { plainTextToHtml } from '../../../shared/domain/html-text.ts';
import { paletteColor } from '../../../shared/domain/palette.ts';
import type { Memo } from '../../../shared/domain/types.ts';
import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { HandlerMap } from '../handler-types.ts';
import { getCode, insertCode, listCodes, siblingNameTaken } from '../repositories/codes.ts';
import { getCoding, insertCoding } from '../repositories/codings.ts';
import { getMemo, insertMemo } from '../repositories/memos.ts';
import { getSourceText } from '../repositories/sources.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { found } from './require.ts';
import { checkSpan } from './spans.ts';

type M = 'codes.createInductive' | 'codes.inductiveList';

const firstEvidence = (db: Db, codeId: number): Evidence | undefined =>
  db.get<Evidence>(sql`SELECT c.id AS codingId, c.source_id AS sourceId, s.name AS sourceName, c.start, c.end, c.quote,
      c.created_at AS codedAt, u.participant_id AS participantId, p.label AS participantLabel
    FROM codings c JOIN sources s ON s.id = c.source_id
    LEFT JOIN units u ON u.id = (SELECT u2.id FROM units u2 WHERE u2.source_id = c.source_id AND u2.start <= c.start
        AND c.start < u2.end ORDER BY u2.start DESC LIMIT 1)
    LEFT JOIN participants p ON p.id = u.participant_id
    WHERE c.code_id = ${codeId} ORDER BY c.created_at, c.id LIMIT 1`);

const spread = (db: Db, codeId: number) =>
  db.get<{ sources: number; participants: number }>(sql`SELECT count(DISTINCT c.source_id) AS sources,
      count(DISTINCT (SELECT u.participant_id FROM units u WHERE u.source_id = c.source_id AND u.start <= c.start
        AND c.start < u.end ORDER BY u.start DESC LIMIT 1)) AS participants
    FROM codings c WHERE c.code_id = ${codeId}`)!;

const whyMemo = (db: Db, codeId: number): Memo | null => {
  const row = db.get<{ id: number }>(sql`SELECT id FROM memos WHERE target_kind = 'code' AND target_id = ${codeId}
    ORDER BY created_at, id LIMIT 1`);
  return row ? getMemo(db, row.id)! : null;
};

export const inductiveHandlers: HandlerMap<M> = {
  'codes.createInductive': (input, ctx) => {
    const text = found(getSourceText(ctx.db, input.sourceId), `Source ${input.sourceId}`, 'sourceId');
    checkSpan(text, input);
    const parent = input.parentId === null ? undefined : found(getCode(ctx.db, input.parentId), `Parent code ${input.parentId}`, 'parentId');
    if (siblingNameTaken(ctx.db, input.parentId, input.name)) {
      throw new ApiFailure('conflict', `A code named ${q(input.name)} already exists at that level of the codebook`, 'name');
    }
    labelOperation(ctx.db, `Create inductive code ${q(input.name)}`);
    const color = input.color?.toLowerCase() ?? parent?.color ?? paletteColor(ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM codes`)!.n);
    const now = ctx.now();
    const codeId = insertCode(ctx.db, { parentId: input.parentId, name: input.name, color, definition: input.definition, origin: 'inductive' }, ctx.coderId, now);
    ctx.audit('create', 'code', codeId, { name: input.name, parentId: input.parentId, origin: 'inductive' });
    const span = { sourceId: input.sourceId, codeId, start: input.start, end: input.end };
    const codingId = insertCoding(ctx.db, { ...span, quote: text.slice(input.start, input.end) }, ctx.coderId, now);
    ctx.audit('apply', 'coding', codingId, span);
    const why = input.memo?.trim() ?? '';
    let memo: Memo | null = null;
    if (why !== '') {
      const memoId = insertMemo(ctx.db, { targetKind: 'code', targetId: codeId, title: 'Why this category', body: plainTextToHtml(why), text: why }, ctx.coderId, now);
      ctx.audit('create', 'memo', memoId, { targetKind: 'code', targetId: codeId, title: 'Why this category' });
      memo = getMemo(ctx.db, memoId)!;
    }
    return { code: getCode(ctx.db, codeId)!, coding: getCoding(ctx.db, codingId)!, memo };
  },
  'codes.inductiveList': (_i, { db }) => {
    const codes = listCodes(db).filter((c) => c.origin === 'inductive');
    const creators = new Map(
      db.all<{ id: number; name: string | null }>(sql`SELECT c.id, k.name FROM codes c LEFT JOIN coders k ON k.id = c.created_by
        WHERE c.origin = 'inductive'`).map((r) => [r.id, r.name]),
    );
    return codes
      .map((code): InductiveCode => {
        const s = spread(db, code.id);
        return {
          code,
          createdAt: code.createdAt,
          createdBy: creators.get(code.id) ?? null,
          codingCount: code.codingCount,
          sourceCount: s.sources,
          participantCount: s.participants,
          firstEvidence: firstEvidence(db, code.id) ?? null,
          memo: whyMemo(db, code.id),
        };
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.code.id - a.code.id);
  },
};
