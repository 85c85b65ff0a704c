import { describe, expect, it } from 'vitest';
import { chainProblems } from '../../../electron/backend/anonymize/verify.ts';
import { loadMigrations, migrate } from '../../../electron/backend/db/migrate.ts';
import { allAuditRows, insertAuditEntry } from '../../../electron/backend/repositories/audit.ts';
import { useScratchDb } from '../migrations/scratch-db.ts';
import { testHost } from '../../helpers/project.ts';

describe('the audit chain', () => {
  const db = useScratchDb();
  const write = (n: number) => {
    for (let i = 0; i < n; i++) insertAuditEntry(db(), { at: `2026-01-0${i + 1}T00:00:00Z`, coderId: 1, action: 'apply', entity: 'coding', entityId: i + 1, detail: { quote: `q${i}` } });
  };
  const shell = (statements: string) => {
    db().raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    db().raw.exec(statements);
  };

  it('chains every entry onto the one before it, and finds nothing wrong in an untouched log', () => {
    migrate(db());
    write(4);
    const rows = allAuditRows(db());
    expect(rows.map((r) => r.prevHash)).toEqual([expect.stringMatching(/^0{64}$/), rows[0]!.hash, rows[1]!.hash, rows[2]!.hash]);
    expect(chainProblems(rows)).toEqual([]);
  });

  it('names an entry whose detail was edited, one removed, and two swapped', () => {
    migrate(db());
    write(5);
    shell(`UPDATE audit_log SET detail = '{"quote":"forged"}' WHERE id = 2`);
    expect(chainProblems(allAuditRows(db()))).toEqual(['audit entry #2 (apply coding 2, 2026-01-02T00:00:00Z) was changed after it was written']);
    shell(`UPDATE audit_log SET detail = '{"quote":"q1"}' WHERE id = 2; DELETE FROM audit_log WHERE id = 4`);
    expect(chainProblems(allAuditRows(db()))).toEqual([
      'audit entries #4–#4 are missing (removed from the log)',
      'audit entry #5 (apply coding 5, 2026-01-05T00:00:00Z) does not follow the entry before it: an entry before it was removed, added or reordered',
    ]);
  });

  it('names two entries whose places were swapped', () => {
    migrate(db());
    write(3);
    shell(`UPDATE audit_log SET id = -1 WHERE id = 1; UPDATE audit_log SET id = 1 WHERE id = 3; UPDATE audit_log SET id = 3 WHERE id = -1`);
    const problems = chainProblems(allAuditRows(db()));
    expect(problems).toEqual([
      'audit entry #1 (apply coding 3, 2026-01-03T00:00:00Z) does not follow the entry before it: an entry before it was removed, added or reordered',
      'audit entry #1 (apply coding 3, 2026-01-03T00:00:00Z) was changed after it was written',
      'audit entry #2 (apply coding 2, 2026-01-02T00:00:00Z) does not follow the entry before it: an entry before it was removed, added or reordered',
      'audit entry #3 (apply coding 1, 2026-01-01T00:00:00Z) does not follow the entry before it: an entry before it was removed, added or reordered',
      'audit entry #3 (apply coding 1, 2026-01-01T00:00:00Z) was changed after it was written',
    ]);
  });

  it('covers entries written before the chain existed: the first chained entry vouches for them', () => {
    migrate(db(), loadMigrations(), 12);
    db().raw.exec(`INSERT INTO audit_log (at, coder_id, action, entity, detail) VALUES ('t1', 1, 'create', 'code', '{}'), ('t2', 1, 'rename', 'code', '{}')`);
    migrate(db());
    write(1);
    expect(chainProblems(allAuditRows(db()))).toEqual([]);
    shell(`UPDATE audit_log SET action = 'delete' WHERE id = 1`);
    expect(chainProblems(allAuditRows(db()))).toEqual([
      expect.stringContaining('audit entry #3 (apply coding 1, 2026-01-01T00:00:00Z) does not follow the entry before it: an entry written before the audit chain began was changed'),
    ]);
  });
});

describe('the audit trail viewer', () => {
  it('filters by action, coder and text, pages newest first, and exports CSV with the hashes', async () => {
    const t = testHost();
    try {
      await t.ok('project.openDemo', {});
      const code = await t.ok('codes.create', { name: 'Trust', parentId: null, origin: 'inductive' });
      await t.ok('codes.rename', { id: code.id, name: 'Trust in “credentials”' });
      const all = await t.ok('audit.list', {});
      expect(all.entries[0]).toMatchObject({ action: 'rename', entity: 'code', coder: 'tester' });
      expect(all.actions).toEqual(expect.arrayContaining(['create', 'rename', 'seed']));
      const renames = await t.ok('audit.list', { action: 'rename', search: 'credentials' });
      expect(renames.total).toBe(1);
      expect(JSON.parse(renames.entries[0]!.detail)).toEqual({ before: 'Trust', after: 'Trust in “credentials”' });
      expect((await t.ok('audit.list', { coder: 'nobody' })).total).toBe(0);
      const csv = await t.ok('audit.exportCsv', { action: 'rename' });
      // Named for the project, as a CSV file a spreadsheet opens as UTF-8.
      expect(csv.fileName).toMatch(/^audit-trail-northbridge-micro-credentials.*\.csv$/);
      expect(csv.mime).toBe('text/csv;charset=utf-8');
      const text = Buffer.from(csv.base64, 'base64').toString('utf8');
      expect(text.startsWith('\uFEFFEntry,Time,Coder,Action,Entity,Entity id,Detail,Previous hash,Hash\r\n')).toBe(true);
      expect(text).toMatch(/,tester,rename,code,\d+,"\{""before"":""Trust"",""after"":""Trust in “credentials”""\}",[0-9a-f]{64},[0-9a-f]{64}\r\n$/);
      const sealed = await t.ok('audit.seal', {});
      expect(sealed.ok).toBe(true);
      expect(sealed.seal).toMatchObject({ coder: 'tester' });
      const sealEntry = (await t.ok('audit.list', {})).entries[0]!;
      expect(JSON.parse(sealEntry.detail)).toMatchObject({ reason: 'sealed by hand' });
      // A reviewer holding the head they were given sees whether the chain still ends there.
      const head = (await t.ok('audit.verify', {})).manifest.audit.head;
      expect(await t.ok('audit.verify', { expectHead: head })).toMatchObject({ ok: true });
      const elsewhere = await t.ok('audit.verify', { expectHead: 'f'.repeat(64) });
      expect(elsewhere.ok).toBe(false);
      expect(elsewhere.problems).toContain(`the audit chain ends in ${head}, not in the head you expected (${'f'.repeat(64)}): entries were added, removed or changed`);
      await t.ok('codes.rename', { id: code.id, name: 'Trust again' });
      const after = await t.ok('audit.verify', {});
      expect(after.problems).toEqual(['the codebook (codes, frameworks, links) was changed since the seal (1 audit entry was written after the seal: seal again if they explain it)']);
    } finally {
      t.cleanup();
    }
  });
});
