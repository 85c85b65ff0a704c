import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { paragraphs } from './docx-reader.ts';
import { parseCsv, zipText } from './setup.ts';

describe('marginalia export', () => {
  let t: TestHost;
  let project: string;
  beforeEach(async () => {
    t = testHost();
    project = (await t.ok('project.openDemo', {})).path;
    t.host.close();
  });
  afterEach(() => t.cleanup());

  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['export', '--project', project, '--home', join(t.dir, 'cli-home'), ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const csvRows = (file: string) => parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')).slice(1);

  it('writes one code with its subcodes for one participant as CSV, and reports as JSON', async () => {
    const file = join(t.dir, 'why-pa.csv');
    const r = await cli('--format', 'csv', '--code', 'Why', '--subcodes', '--participant', 'pa', '-o', file, '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    const rows = csvRows(file);
    expect(JSON.parse(r.out)).toEqual({ kind: 'excerpts', format: 'csv', file, bytes: readFileSync(file).length, excerpts: rows.length });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['Why']));
    expect(new Set(rows.map((row) => row[3]))).toEqual(new Set(['PA']));
    // Without --subcodes, "Why" alone has no excerpts of its own.
    const alone = join(t.dir, 'why.csv');
    expect((await cli('--format', 'csv', '--code', 'Why', '-o', alone)).out).toBe(`Wrote 0 excerpts to ${alone} (1 KB)`);
    expect(csvRows(alone)).toEqual([]);
  });

  it('takes a code by its path and an attribute value, and writes a Word report', async () => {
    const file = join(t.dir, 'report.docx');
    const r = await cli('--format', 'docx', '--code', 'what / definition', '--attribute', 'Role=Design team leader', '--title', 'Definitions by the design lead', '-o', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote \d+ excerpts? to .*report\.docx/);
    const body = paragraphs(zipText({ fileName: '', mime: '', base64: readFileSync(file).toString('base64') })['word/document.xml']!);
    expect(body.find((p) => p.style === 'Title')?.text).toBe('Definitions by the design lead');
    expect(body.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['What / Definition']);
    const citations = body.filter((p) => p.style === 'Citation').map((p) => p.text);
    expect(citations.length).toBeGreaterThan(0);
    expect(citations.every((c) => c.startsWith('— PC, '))).toBe(true);
  });

  it('writes the codebook as Markdown', async () => {
    const file = join(t.dir, 'codebook.md');
    const r = await cli('--kind', 'codebook', '--format', 'md', '--examples', '0', '-o', file);
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining('Wrote the codebook to') });
    const md = readFileSync(file, 'utf8');
    expect(md.startsWith('# Codebook\n')).toBe(true);
    expect(md).toContain('## Intellectual property');
  });

  it('writes REFI-QDA files through the exchange export: a codebook (.qdc) and a project (.qdpx)', async () => {
    const qdc = join(t.dir, 'codebook.qdc');
    const r = await cli('--format', 'qdc', '-o', qdc, '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(r.out)).toMatchObject({ format: 'qdc', file: qdc });
    const xml = readFileSync(qdc, 'utf8');
    expect(xml).toContain('<CodeBook');
    expect(xml).toContain('name="Intellectual property"');
    const qdpx = join(t.dir, 'project.qdpx');
    expect(await cli('--format', 'qdpx', '-o', qdpx)).toMatchObject({ code: 0, out: `Wrote ${qdpx}` });
    const entries = Object.keys(zipText({ fileName: '', mime: '', base64: readFileSync(qdpx).toString('base64') }));
    expect(entries).toContain('project.qde');
    expect(entries.filter((e) => /^sources\/.+\.txt$/.test(e))).toHaveLength(6);
  });

  it('refuses bad options with a usage error and writes nothing', async () => {
    const file = join(t.dir, 'nothing.csv');
    const cases: [string[], string][] = [
      [['--format', 'pdf', '-o', file], '--format must be one of csv, xlsx, docx, md, html, qdc, qdpx, not "pdf"'],
      [['--format', 'csv'], '-o FILE is required'],
      [['--format', 'csv', '--code', 'Nope', '-o', file], 'no code called "Nope"'],
      [['--format', 'csv', '--participant', 'PZ', '-o', file], 'no participant "PZ"; this project has PA, PB, PC'],
      [['--format', 'csv', '--attribute', 'Age', '-o', file], '--attribute needs "NAME=VALUE"'],
      [['--kind', 'codebook', '--format', 'csv', '-o', file], 'a codebook is written as docx, md or qdc, not csv'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    }
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(t.dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('is listed in the usage text', async () => {
    const out: string[] = [];
    await runCli(['help'], { out: (l) => out.push(l), err: () => {} });
    expect(out.join('\n')).toContain('export --project P --format csv|xlsx|docx|md|html|qdc|qdpx -o FILE');
  });
});
