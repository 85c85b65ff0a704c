import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../shared/api/contract.ts';
import { Host } from '../../../electron/backend/host.ts';
import { FIXED_TIME, testHost, type TestHost } from '../../helpers/project.ts';
import { fieldCodes, paragraphs } from './docx-reader.ts';
import { bytesOf, demoForExport, TRICKY_MEMO, zipText, type DemoIds } from './setup.ts';

const PA_QUOTE = 'For me it is a small, assessed piece of learning with clearly stated outcomes, and a record that someone else can check.';

describe('coded excerpts as DOCX, Markdown and HTML reports', () => {
  let t: TestHost;
  let ids: DemoIds;
  beforeEach(async () => {
    t = testHost();
    ids = await demoForExport(t);
  });
  afterEach(() => t.cleanup());

  it('writes a Word report: title page with the filters, a heading per code with its definition, quotations with citations, page numbers', async () => {
    const filter = { codeIds: [ids.codes['What']!, ids.codes['Intellectual property']!] };
    const file = await t.ok('export.excerpts', { filter, format: 'docx' });
    expect(file.fileName).toBe('coded-excerpts-what-and-intellectual-property.docx');
    const parts = zipText(file);
    const body = paragraphs(parts['word/document.xml']!);
    const styled = (style: string) => body.filter((p) => p.style === style).map((p) => p.text);
    expect(styled('Title')).toEqual(['Coded excerpts: What and Intellectual property']);
    expect(styled('Subtitle')).toEqual(['Northbridge micro-credentials (demo)']);
    expect(styled('Field')).toContain('Codes\tWhat; Intellectual property (with their subcodes)');
    expect(styled('Field')).toContain('Participants\tAll');
    // Word's own heading styles, nested as in the codebook, so the navigation pane lists the codes.
    expect(styled('Heading1')).toEqual(['What', 'Intellectual property']);
    expect(styled('Heading2')).toEqual(['Definition', 'Flexibility']);
    expect(parts['word/styles.xml']).toMatch(/w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/);
    const definition = body.findIndex((p) => p.style === 'Heading2' && p.text === 'Definition');
    expect(body[definition + 1]).toEqual({ style: 'Definition', text: 'Statements of what the object of study is or is not, including its size and scope.' });
    const quote = body.findIndex((p) => p.style === 'Quote' && p.text === PA_QUOTE);
    expect(quote).toBeGreaterThan(definition);
    expect(body[quote + 1]).toEqual({ style: 'Citation', text: '— PA, Interview with PA, 00:04:20' });
    const { total } = await t.ok('export.count', filter).then((m) => ({ total: m.excerpts }));
    expect(styled('Citation')).toHaveLength(total);
    // Memos only on request.
    expect(styled('Memo')).toEqual([]);
    // Page numbers: a PAGE field in the footer of the pages after the title page.
    const footers = Object.keys(parts).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.flatMap((n) => fieldCodes(parts[n]!))).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']));
    expect(parts['word/document.xml']).toContain('<w:titlePg/>');
  });

  it('prints coding memos under their excerpt when asked for', async () => {
    const file = await t.ok('export.excerpts', { filter: { codeIds: [ids.codes['Intellectual property']!] }, format: 'docx', memos: true });
    const body = paragraphs(zipText(file)['word/document.xml']!);
    const memos = body.filter((p) => p.style === 'Memo').map((p) => p.text);
    expect(memos).toContain(`Memo: ${TRICKY_MEMO}`);
    const memo = body.findIndex((p) => p.text === `Memo: ${TRICKY_MEMO}`);
    expect(body[memo - 1]!.style).toBe('Citation');
    expect(body[memo - 1]!.text).toBe('— Tricky notes, ¶ 1');
  });

  it('writes Markdown with the same structure, every character of the data escaped', async () => {
    const filter = { codeIds: [ids.codes['What']!, ids.codes['Intellectual property']!] };
    const file = await t.ok('export.excerpts', { filter, format: 'md', memos: true });
    expect(file.mime).toBe('text/markdown;charset=utf-8');
    const md = bytesOf(file).toString('utf8');
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual(['# Coded excerpts: What and Intellectual property', '## What', '### Definition', '### Flexibility', '## Intellectual property']);
    expect(md).toContain(`> ${PA_QUOTE}\n>\n> — PA, Interview with PA, 00:04:20`);
    expect(md).toContain('- **Participants:** All');
    // Markup in the data stays text: no raw HTML, no emphasis, no link, no heading.
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>alert("x")\\</script\\> \\& \\*stars\\* \\[link\\](http://x) # not a heading');
    expect(md).toContain('> **Memo:** Check \\<b\\>this\\</b\\> \\& "that", ça va');
    expect(md).toContain('=SUM(A1) "Quoted", naïve café 🎓');
  });

  it('writes a self-contained, escaped, printable HTML file with the same structure', async () => {
    const filter = { codeIds: [ids.codes['What']!, ids.codes['Intellectual property']!] };
    const html = bytesOf(await t.ok('export.excerpts', { filter, format: 'html', memos: true })).toString('utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect([...html.matchAll(/<h(\d)[^>]*>([^<]*)<\/h\d>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      '1 Coded excerpts: What and Intellectual property', '2 What', '3 Definition', '3 Flexibility', '2 Intellectual property',
    ]);
    expect(html).toContain(`<blockquote><p>${PA_QUOTE}</p></blockquote><figcaption>— <cite>PA, Interview with PA, 00:04:20</cite></figcaption>`);
    // Nothing runs and nothing is fetched: no script element, no external resource.
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *stars*');
    expect(html).toContain('<strong>Memo:</strong> Check &lt;b&gt;this&lt;/b&gt; &amp; &quot;that&quot;, ça va');
    expect(html).toContain('@media print');
  });

  it('says so when nothing matches instead of writing an empty report', async () => {
    const filter = { codeIds: [ids.codes['Why']!], includeDescendants: false };
    const md = bytesOf(await t.ok('export.excerpts', { filter, format: 'md' })).toString('utf8');
    expect(md).toContain('No coded excerpts match these filters.');
    expect(md).toContain('- **Excerpts:** 0 (none match these filters)');
  });
});

describe('export jobs', () => {
  it('report progress under their job id and stop on export.cancel', async () => {
    const t = testHost();
    const events: ProgressEvent[] = [];
    let cancel: Promise<unknown> | null = null;
    const host = new Host({
      home: join(t.dir, 'home2'),
      clock: () => FIXED_TIME,
      coderName: 'tester',
      onProgress: (e) => {
        events.push(e);
        if (e.jobId === 'big' && !cancel) cancel = host.call('export.cancel', { jobId: 'big' });
      },
    });
    try {
      await host.call('project.openDemo', {});
      const codes = await host.call('codes.list', {});
      const codeIds = codes.ok ? (codes.value as { id: number }[]).map((c) => c.id) : [];
      const done = await host.call('export.excerpts', { jobId: 'small', filter: { codeIds }, format: 'docx' });
      expect(done.ok).toBe(true);
      expect(events.filter((e) => e.jobId === 'small').at(-1)).toMatchObject({ finished: true, label: 'Exported' });
      expect(events.filter((e) => e.jobId === 'small').map((e) => e.label)).toContain('Packing the Word file');

      const stopped = await host.call('export.excerpts', { jobId: 'big', filter: { codeIds }, format: 'docx' });
      expect(stopped).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(await cancel).toEqual({ ok: true, value: { cancelled: true } });
      expect(events.filter((e) => e.jobId === 'big').at(-1)).toMatchObject({ finished: true, label: 'Cancelled' });
      // The id is free again, and an unknown job is not cancelled.
      expect(await host.call('export.cancel', { jobId: 'big' })).toEqual({ ok: true, value: { cancelled: false } });
    } finally {
      host.close();
      t.cleanup();
    }
  });
});
