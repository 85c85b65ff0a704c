/** Reads for the inductive-codes list: where a category came from and how far it has spread. */
import type { Evidence } from '../../../shared/api/methods/workbench.ts';
import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';

/** The code's first coding, with its source and the participant of the unit it starts in. */
export const firstEvidence = (db: Db, codeId: number): Evidence | undefined =>
  db.get<Evidence>(sql`SELECT c.id AS codingId, c.source_id AS sourceId, s.name AS sourceName, c.start, c.end, c.quote,
      c.created_at AS codedAt, u.participant_id AS participantId, p.label AS participantLabel
    FROM codings c JOIN sources s ON s.id = c.source_id
    LEFT JOIN units u ON u.id = (SELECT u2.id FROM units u2 WHERE u2.source_id = c.source_id AND u2.start <= c.start
        AND c.start < u2.end ORDER BY u2.start DESC LIMIT 1)
    LEFT JOIN participants p ON p.id = u.participant_id
    WHERE c.code_id = ${codeId} ORDER BY c.created_at, c.id LIMIT 1`);

/** How many sources and participants the code's codings reach. */
export const codeSpread = (db: Db, codeId: number): { sources: number; participants: number } =>
  db.get<{ sources: number; participants: number }>(sql`SELECT count(DISTINCT c.source_id) AS sources,
      count(DISTINCT (SELECT u.participant_id FROM units u WHERE u.source_id = c.source_id AND u.start <= c.start
        AND c.start < u.end ORDER BY u.start DESC LIMIT 1)) AS participants
    FROM codings c WHERE c.code_id = ${codeId}`)!;

/** Who created each inductive code (null when the coder is gone). */
export const inductiveCreators = (db: Db): Map<number, string | null> =>
  new Map(
    db.all<{ id: number; name: string | null }>(sql`SELECT c.id, k.name FROM codes c LEFT JOIN coders k ON k.id = c.created_by
        WHERE c.origin = 'inductive'`).map((r) => [r.id, r.name]),
  );
