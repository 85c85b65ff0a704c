import { basename, resolve } from 'node:path';
import type { ExchangeExportSummary } from '../../shared/domain/exchange-types.ts';
import type { Host } from '../backend/host.ts';
import { writeAtomically } from './export-command.ts';

/** REFI-QDA files from the command line: `marginalia export --format qdc|qdpx` writes through here. */

/**
 * Exports the host's open project as a REFI-QDA codebook (.qdc) or project (.qdpx) to
 * `outFile`, through the same API methods the UI calls (progress goes to the host's listener).
 */
export async function exportExchangeFile(host: Host, format: 'qdc' | 'qdpx', outFile: string): Promise<ExchangeExportSummary> {
  const result = format === 'qdc' ? await host.call('exchange.exportCodebook', {}) : await host.call('exchange.exportProject', {});
  if (!result.ok) throw new Error(result.error.message);
  const exported = result.value as { file: { base64: string }; summary: ExchangeExportSummary };
  const out = resolve(outFile);
  writeAtomically(out, Buffer.from(exported.file.base64, 'base64'));
  return { ...exported.summary, fileName: basename(out) };
}
