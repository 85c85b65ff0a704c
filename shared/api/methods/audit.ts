import { z } from 'zod';
import { command, query } from '../define.ts';
import { filePath } from '../schemas.ts';
import type { FileDownload } from '../../domain/analysis/types.ts';
import type { AnonymizationReport } from '../../domain/anonymize/api-types.ts';
import type { AuditPage, VerifyReport } from '../../domain/anonymize/integrity-types.ts';
import type { ProjectInfo } from '../../domain/types.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates must look like YYYY-MM-DD');

/** Which audit entries: every filter optional, all must hold. */
export const auditFilter = z
  .object({
    action: z.string().max(100).optional(),
    entity: z.string().max(100).optional(),
    coder: z.string().max(200).optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    search: z.string().max(200).optional(),
  })
  .strict();

/** The audit trail, the integrity manifest, and reviewer mode (issue 12). */
export const auditMethods = {
  /** Audit entries, newest first, a page at a time, with the actions, entities and coders there are to filter by. */
  'audit.list': query(auditFilter.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict()).returns<AuditPage>(),
  /** The entries a filter selects as CSV (oldest first, hashes included). */
  'audit.exportCsv': query(auditFilter).returns<FileDownload>(),
  /** Checks the audit chain and compares the project with its latest seal; names what was tampered with. */
  'audit.verify': query(z.object({ expectHead: z.string().regex(/^[0-9a-f]{64}$/, 'a chain head is 64 hexadecimal digits').optional() }).strict()).returns<VerifyReport>(),
  /** Writes the integrity manifest of the project as it is now into the audit log. */
  'audit.seal': command(z.object({}).strict()).returns<VerifyReport>(),
  /** The anonymization report a pseudonymized copy holds; null in a project that is not one. */
  'audit.anonymizationReport': query(z.object({}).strict()).returns<AnonymizationReport | null>(),
  /** Opens a project in reviewer mode: read-only, every change refused by the backend. */
  'project.openForReview': command(z.object({ path: filePath }).strict()).returns<ProjectInfo>(),
};
