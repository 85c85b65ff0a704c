import { fileNameFor, toCsv } from '../../../shared/domain/analysis/csv.ts';
import type { AnonymizationReport } from '../../../shared/domain/anonymize/api-types.ts';
import { seal } from '../anonymize/manifest.ts';
import { verifyProject } from '../anonymize/verify.ts';
import type { HandlerMap } from '../handler-types.ts';
import { latestAnonymizationReport } from '../repositories/anonymize-copy.ts';
import { auditFacets, filterAuditEntries } from '../repositories/audit.ts';
import { getMeta } from '../repositories/meta.ts';

type M = 'audit.list' | 'audit.exportCsv' | 'audit.verify' | 'audit.seal' | 'audit.anonymizationReport';

/** The audit trail, its integrity, and a copy's anonymization report. */
export const auditHandlers: HandlerMap<M> = {
  'audit.list': (input, { db }) => {
    const { offset, limit, ...filter } = input;
    const { total, rows } = filterAuditEntries(db, filter, { offset, limit, newestFirst: true });
    return {
      total,
      entries: rows.map((r) => ({ id: r.id, at: r.at, coder: r.coder, action: r.action, entity: r.entity, entityId: r.entityId, detail: r.detail })),
      ...auditFacets(db),
    };
  },
  'audit.exportCsv': (input, { db }) => {
    const { rows } = filterAuditEntries(db, input, { offset: 0, limit: -1, newestFirst: false });
    const csv = toCsv({
      columns: ['Entry', 'Time', 'Coder', 'Action', 'Entity', 'Entity id', 'Detail', 'Previous hash', 'Hash'],
      rows: rows.map((r) => [r.id, r.at, r.coder, r.action, r.entity, r.entityId, r.detail, r.prevHash, r.hash]),
    });
    return {
      fileName: fileNameFor(`audit trail ${getMeta(db, 'name') ?? ''}`, 'csv'),
      mime: 'text/csv;charset=utf-8',
      base64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64'),
    };
  },
  'audit.verify': (input, { db }) => {
    const report = verifyProject(db);
    if (input.expectHead && input.expectHead !== report.manifest.audit.head) {
      report.problems.push(`the audit chain ends in ${report.manifest.audit.head}, not in the head you expected (${input.expectHead}): entries were added, removed or changed`);
      report.ok = false;
    }
    return report;
  },
  'audit.seal': (_input, ctx) => {
    seal(ctx, 'sealed by hand');
    return verifyProject(ctx.db);
  },
  'audit.anonymizationReport': (_input, { db }) => {
    const row = latestAnonymizationReport(db);
    return row ? (JSON.parse(row.report) as AnonymizationReport) : null;
  },
};
