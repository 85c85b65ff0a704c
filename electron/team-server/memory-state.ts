import { SYNC_TABLE } from '../../shared/domain/team-sync/schema.ts';
import { applyOp, refsTo, rowId, unameOf, type OpContext, type OpOutcome, type ReadState, type Referrer, type StoredRow } from './rules.ts';
import type { Op } from '../../shared/domain/team-sync/protocol.ts';

/** The materialised state in memory: the rules' reference implementation, for tests. */
export class MemoryState implements ReadState {
  readonly rows = new Map<string, StoredRow>();

  async get(tbl: string, key: string): Promise<StoredRow | undefined> {
    return this.rows.get(rowId(tbl, key));
  }

  async referrers(tbl: string, key: string): Promise<Referrer[]> {
    return [...this.rows.values()].filter((row) => !row.deleted).flatMap((row) => refsTo(row, tbl, key));
  }

  async nameOwners(tbl: string, uname: string): Promise<string[]> {
    const table = SYNC_TABLE.get(tbl)!;
    return [...this.rows.values()].filter((r) => r.tbl === tbl && !r.deleted && unameOf(table, r.data) === uname).map((r) => r.key);
  }

  put(row: StoredRow): void {
    this.rows.set(rowId(row.tbl, row.key), row);
  }

  /** Applies an op under the rules and keeps its writes when it is accepted. */
  async apply(op: Op, ctx: OpContext): Promise<OpOutcome> {
    const { outcome, writes } = await applyOp(this, op, ctx);
    if (outcome.ok) for (const row of writes.rows()) this.put(row);
    return outcome;
  }
}
