import { createHash } from 'node:crypto';
import { entryDigestInput, type LogEntry } from '../../../shared/domain/team-sync/protocol.ts';

/**
 * A log entry's hash: SHA-256 (hex) over the previous entry's hash and the entry's content, in
 * the fixed order of `entryDigestInput`. The team server writes it, replicas check it.
 */
export const entryHash = (prevHash: string, content: Omit<LogEntry, 'prevHash' | 'hash'>): string =>
  createHash('sha256').update(entryDigestInput(prevHash, content)).digest('hex');
