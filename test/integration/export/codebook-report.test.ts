import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { paragraphs } from './docx-reader.ts';
import { bytesOf, zipText } from './setup.ts';

describe('codebook reports', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
    const codes = await t.ok('codes.list', {});
    const value = codes.find((c) => c.name === 'Value added')!;
    await t.ok('codes.describe', { id: value.id, whenToUse: 'A benefit is named.', whenNotToUse: 'Only costs are named: use Institutional strategy.', example: '"It helps me get promoted."' });
  });
  afterEach(() => t.cleanup());

  it('writes a Word codebook: overview tree with counts, a heading per code with its description, origin, links and examples', async () => {
    const file = await t.ok('export.codebook', { format: 'docx', examples: 2 });
    expect(file.fileName).toBe('codebook.docx');
    const body = paragraphs(zipText(file)['word/document.xml']!);
    const styled = (style: string) => body.filter((p) => p.style === style).map((p) => p.text);
    expect(styled('Title')).toEqual(['Codebook']);
    expect(styled('Field')).toContain('Codes\t13 (12 deductive, 1 inductive)');
    expect(styled('Heading1')).toEqual(['Overview', 'Why', 'What', 'How', 'When', 'Where', 'Intellectual property']);
    expect(styled('Heading2')).toContain('Value added');
    // The overview lists every code with its codings (a section counts its subcodes').
    expect(body.map((p) => p.text)).toEqual(expect.arrayContaining(['Why  9 codings', 'Value added  4 codings', 'Intellectual property  5 codings, inductive']));

    const at = body.findIndex((p) => p.style === 'Heading2' && p.text === 'Value added');
    const next = body.findIndex((p, i) => i > at && p.style.startsWith('Heading'));
    const section = body.slice(at + 1, next);
    const fields = section.filter((p) => p.style === 'Field').map((p) => p.text);
    expect(fields).toEqual([
      'Definition\tBenefits the initiative brings to learners, staff, employers or the institution.',
      'When to use\tA benefit is named.',
      'When not to use\tOnly costs are named: use Institutional strategy.',
      'Example\t"It helps me get promoted."',
      'Origin\tDeductive (from the scheme or a framework)',
      'Codings\t4',
      expect.stringMatching(/^Framework links\t.+: .+/),
    ]);
    expect(section.find((p) => p.style === 'Label')?.text).toBe('Examples (2 of 4)');
    expect(section.filter((p) => p.style === 'Quote')).toHaveLength(2);
    expect(section.filter((p) => p.style === 'Citation').map((p) => p.text)).toEqual([expect.stringMatching(/^— P[ABC], /), expect.stringMatching(/^— P[ABC], /)]);
    const ip = body.findIndex((p) => p.text === 'Intellectual property' && p.style === 'Heading1');
    expect(body.slice(ip).find((p) => p.text.startsWith('Origin'))?.text).toBe('Origin\tInductive (derived from the data)');
    expect(body.find((p) => p.text.startsWith('Codings\t0'))?.text).toBe('Codings\t0 (9 with subcodes)');
  });

  it('writes a Markdown codebook with the same structure', async () => {
    const md = bytesOf(await t.ok('export.codebook', { format: 'md', examples: 1 })).toString('utf8');
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings.slice(0, 5)).toEqual(['# Codebook', '## Overview', '## Why', '### Value added', '### Institutional strategy']);
    expect(md).toContain('- Why — 9 codings\n  - Value added — 4 codings\n');
    expect(md).toContain('- **When not to use:** Only costs are named: use Institutional strategy.');
    expect(md).toContain('**Examples (1 of 4)**');
    expect(md).toMatch(/\n> — P[ABC], Interview with P[ABC], \d\d:\d\d:\d\d\n/);
  });

  it('leaves examples out when asked for none, and says when the codebook is empty', async () => {
    const md = bytesOf(await t.ok('export.codebook', { format: 'md', examples: 0 })).toString('utf8');
    expect(md).not.toContain('Examples');
    expect(md).not.toContain('> —');
    const empty = testHost();
    try {
      await empty.ok('project.create', { path: `${empty.dir}/empty.marginalia`, template: 'empty' });
      const text = bytesOf(await empty.ok('export.codebook', { format: 'md' })).toString('utf8');
      expect(text).toContain('The codebook is empty.');
    } finally {
      empty.cleanup();
    }
  });
});
