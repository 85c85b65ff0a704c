import type { Code } from '../../../shared/domain/types.ts';
import { TRACKED_TABLES } from '../../../electron/backend/undo/tables.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

export type Bench = TestHost & {
  code: (name: string) => Promise<Code>;
  /** Every row of every undoable table, order-independent: equal snapshots mean equal projects. */
  snapshot: () => Record<string, string[]>;
  audit: () => { action: string; entity: string; entityId: number | null; detail: string }[];
  /** Closes the project file and opens it again, as after quitting the app. */
  reopen: () => Promise<void>;
};

export async function openBench(): Promise<Bench> {
  const t = testHost();
  await t.ok('project.openDemo', {});
  const raw = () => t.host.current!.db.raw;
  return {
    ...t,
    code: async (name) => {
      const found = (await t.ok('codes.list', {})).find((c) => c.name === name);
      if (!found) throw new Error(`no code named ${name}`);
      return found;
    },
    snapshot: () => {
      const out: Record<string, string[]> = {};
      const present = new Set((raw().prepare("SELECT name FROM pragma_table_list WHERE schema = 'main'").all() as { name: string }[]).map((r) => r.name));
      for (const table of TRACKED_TABLES.filter((t) => present.has(t))) {
        out[table] = raw().prepare(`SELECT * FROM ${table}`).all().map((r) => JSON.stringify(r)).sort();
      }
      return out;
    },
    audit: () =>
      raw().prepare('SELECT action, entity, entity_id AS entityId, detail FROM audit_log ORDER BY id').all() as {
        action: string;
        entity: string;
        entityId: number | null;
        detail: string;
      }[],
    reopen: async () => {
      const path = t.host.current!.db.path;
      await t.ok('project.open', { path });
    },
  };
}

/** A passage of a source: the first occurrence of `text`. */
export async function passage(b: Bench, sourceId: number, text: string): Promise<{ sourceId: number; start: number; end: number }> {
  const source = await b.ok('sources.get', { id: sourceId });
  const start = source.text.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in source ${sourceId}`);
  return { sourceId, start, end: start + text.length };
}
