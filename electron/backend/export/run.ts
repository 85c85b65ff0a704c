import { basename, extname } from 'node:path';
import type { ParsedInput } from '../../../shared/api/contract.ts';
import { fileNameFor, toCsv } from '../../../shared/domain/analysis/csv.ts';
import type { FileDownload } from '../../../shared/domain/analysis/types.ts';
import type { Ctx } from '../context.ts';
import { getCoder, getMeta } from '../repositories/meta.ts';
import { codebookReport, loadCodebook } from './codebook-report.ts';
import { loadExcerptExport } from './excerpt-data.ts';
import { excerptFields, excerptReport, excerptTitle, type ReportContext } from './excerpt-report.ts';
import { excerptColumns, excerptRows } from './excerpt-table.ts';
import { excerptWorkbook } from './excerpt-workbook.ts';
import { runExportJob, type ExportJob } from './jobs.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { Report } from './report-model.ts';
import { XLSX_MIME } from './table-export.ts';

export const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: XLSX_MIME,
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
} as const;

type Format = keyof typeof MIME;

function reportContext(ctx: Ctx): ReportContext {
  const day = new Date(ctx.now()).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const coder = getCoder(ctx.db, ctx.coderId)?.name;
  return {
    project: getMeta(ctx.db, 'name') ?? basename(ctx.db.path, extname(ctx.db.path)),
    exported: coder ? `${day} by ${coder}` : day,
  };
}

const download = (title: string, format: Format, bytes: Buffer | string): FileDownload => ({
  fileName: fileNameFor(title, format),
  mime: MIME[format],
  base64: (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64'),
});

/** A report in one of the three report formats. */
async function renderReport(report: Report, format: 'docx' | 'md' | 'html', job: ExportJob): Promise<FileDownload> {
  if (format === 'docx') {
    const bytes = await renderDocx(report, job.pace('Writing the report'));
    job.step('Packing the Word file', 1, 1);
    return download(report.title, 'docx', bytes);
  }
  job.step('Writing the report', 0, 1);
  return download(report.title, format, format === 'md' ? renderMarkdown(report) : renderHtml(report));
}

export function exportExcerpts(ctx: Ctx, input: ParsedInput<'export.excerpts'>): Promise<FileDownload> {
  return runExportJob(ctx, input.jobId, async (job) => {
    job.step('Reading the excerpts', 0, 1);
    const data = loadExcerptExport(ctx.db, input.filter);
    const about = reportContext(ctx);
    const title = input.title ?? excerptTitle(data, input.filter.codeIds);
    job.step(`Writing ${data.match.excerpts.toLocaleString('en')} excerpts`, 0, 1);
    if (input.format === 'csv' || input.format === 'xlsx') {
      const columns = excerptColumns(data.attributes);
      const rows = excerptRows(data);
      if (input.format === 'csv') return download(title, 'csv', `\uFEFF${toCsv({ columns, rows })}`);
      return download(title, 'xlsx', await excerptWorkbook(columns, rows, { title, fields: excerptFields(data, about) }));
    }
    return renderReport(excerptReport(data, about, { title, memos: input.memos }), input.format, job);
  });
}

export function exportCodebook(ctx: Ctx, input: ParsedInput<'export.codebook'>): Promise<FileDownload> {
  return runExportJob(ctx, input.jobId, async (job) => {
    job.step('Reading the codebook', 0, 1);
    const report = codebookReport(loadCodebook(ctx.db, input.examples), reportContext(ctx));
    return renderReport(report, input.format, job);
  });
}
