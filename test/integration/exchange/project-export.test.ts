import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli.ts';
import { Host } from '../../../electron/backend/host.ts';
import type { ProgressEvent } from '../../../shared/api/contract.ts';
import { refiSchemaErrors } from '../../helpers/refi-validate.ts';
import { FIXED_TIME, testHost, type TestHost } from '../../helpers/project.ts';
import { exportedBytes, newProject, upload } from './helpers.ts';

let t: TestHost;
beforeEach(() => {
  t = testHost();
});
afterEach(() => t.cleanup());

const unzipText = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
const attrsOf = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag} ([^>]*?)/?>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));

/** A document with an emoji before a coded word, so code points and UTF-16 units differ. */
async function emojiDocument(): Promise<{ sourceId: number; codingId: number; text: string }> {
  const text = 'Badges 🎓🎓 matter.\n\nEmployers ask about them.';
  const [staged] = await t.ok('import.stage', { files: [upload('emoji.txt', text)] });
  const report = await t.ok('import.run', { files: [{ stagedId: staged!.stagedId, kind: 'document' }] });
  const sourceId = report.files[0]!.sourceId!;
  const code = (await t.ok('codes.list', {})).find((c) => c.name === 'Value added')!;
  const start = text.indexOf('matter');
  const coding = await t.ok('codings.apply', { sourceId, codeId: code.id, start, end: start + 'matter'.length });
  return { sourceId, codingId: coding.id, text };
}

describe('REFI-QDA project (.qdpx) export', () => {
  it('writes the demo project valid against Project.xsd, with every source as sources/<guid>.txt', async () => {
    await t.ok('project.openDemo', {});
    const sources = await t.ok('sources.list', {});
    const exported = await t.ok('exchange.exportProject', {});
    expect(exported.file.fileName).toBe('northbridge-micro-credentials-demo.qdpx');
    const files = unzipText(exportedBytes(exported));
    const xml = files['project.qde']!;
    expect(await refiSchemaErrors(xml, 'Project')).toEqual([]);
    expect(xml).toContain('<Project xmlns="urn:QDA-XML:project:1.0" name="Northbridge micro-credentials (demo)" origin="Marginalia 0.1"');

    const textSources = attrsOf(xml, 'TextSource');
    expect(textSources.map((s) => s['name'])).toEqual(sources.map((s) => s.name));
    for (const [i, s] of textSources.entries()) {
      expect(s['plainTextPath']).toBe(`internal://${s['guid']}.txt`);
      expect(files[`sources/${s['guid']}.txt`]).toBe((await t.ok('sources.get', { id: sources[i]!.id })).text);
    }
    const codes = await t.ok('codes.list', {});
    expect(attrsOf(xml, 'Code').map((c) => c['name']).sort()).toEqual(codes.map((c) => c.name).sort());
    expect(attrsOf(xml, 'Case').map((c) => c['name'])).toEqual(['PA', 'PB', 'PC']);
    expect(attrsOf(xml, 'Variable')).toEqual([expect.objectContaining({ name: 'role', typeOfVariable: 'Text' })]);
    const codings = (await Promise.all(sources.map((s) => t.ok('codings.listForSource', { sourceId: s.id })))).flat();
    expect(attrsOf(xml, 'Coding')).toHaveLength(codings.length);
    expect(attrsOf(xml, 'Note')).toHaveLength((await t.ok('memos.list', {})).length);
    expect(attrsOf(xml, 'Set').map((s) => s['name'])).toEqual(expect.arrayContaining(['Inductive categories', 'Scheme section: Why', 'Interviews', 'Questionnaires', 'Documents']));
    expect(exported.summary.counts).toMatchObject({ codes: codes.length, cases: 3, sources: sources.length, codings: codings.length });
  });

  it('counts positions in code points, as the standard says, and keeps memos on codings, participants and the project', async () => {
    await t.ok('project.openDemo', {});
    const { codingId, text } = await emojiDocument();
    const pa = (await t.ok('participants.list', {})).find((p) => p.label === 'PA')!;
    await t.ok('memos.create', { targetKind: 'coding', targetId: codingId, title: 'On badges', body: '<p>Why “matter”?</p>' });
    await t.ok('memos.create', { targetKind: 'participant', targetId: pa.id, title: 'About PA', body: '<p>Keen.</p>' });
    const files = unzipText(exportedBytes(await t.ok('exchange.exportProject', {})));
    const xml = files['project.qde']!;
    expect(await refiSchemaErrors(xml, 'Project')).toEqual([]);
    const source = attrsOf(xml, 'TextSource').find((s) => s['name'] === 'emoji')!;
    const block = xml.slice(xml.indexOf(`guid="${source['guid']}"`));
    const selection = attrsOf(block, 'PlainTextSelection')[0]!;
    const codePoints = Array.from(text);
    const start = Number(selection['startPosition']);
    const end = Number(selection['endPosition']);
    expect(start).toBe(text.indexOf('matter') - 2); // two emoji, each two UTF-16 units but one code point
    expect(codePoints.slice(start, end).join('')).toBe('matter');

    const notes = attrsOf(xml, 'Note');
    const onCoding = notes.find((n) => n['name'] === 'On badges')!;
    expect(block.slice(0, block.indexOf('</TextSource>'))).toContain(`<NoteRef targetGUID="${onCoding['guid']}"/>`);
    const aboutPa = notes.find((n) => n['name'] === 'About PA')!;
    const paCase = attrsOf(xml, 'Case').find((c) => c['name'] === 'PA')!;
    expect(attrsOf(xml, 'Link')).toEqual([expect.objectContaining({ originGUID: aboutPa['guid'], targetGUID: paCase['guid'] })]);
    const projectMemo = (await t.ok('memos.list', { targetKind: 'project' }))[0]!;
    const projectNote = notes.find((n) => n['name'] === projectMemo.title)!;
    expect(xml.trimEnd().endsWith(`<NoteRef targetGUID="${projectNote['guid']}"/>\n</Project>`)).toBe(true);
  });

  it('writes the same GUIDs on every export, and a valid file for an empty project', async () => {
    await t.ok('project.openDemo', {});
    const qde = async () => unzipText(exportedBytes(await t.ok('exchange.exportProject', {})))['project.qde']!.replace(/ modifiedDateTime="[^"]*"/, '');
    expect(await qde()).toBe(await qde());
    await newProject(t, 'nothing');
    const xml = await qde();
    expect(await refiSchemaErrors(xml, 'Project')).toEqual([]);
    expect(xml).toContain('<Users>');
    expect(xml).not.toMatch(/<(CodeBook|Variables|Cases|Sources|Notes|Links|Sets)\b/);
  });

  it('is written by marginalia export --format qdpx and qdc', async () => {
    const project = (await t.ok('project.openDemo', {})).path;
    t.host.close();
    for (const format of ['qdpx', 'qdc']) {
      const file = join(t.dir, `demo.${format}`);
      const out: string[] = [];
      const code = await runCli(['export', '--project', project, '--home', join(t.dir, 'cli-home'), '--format', format, '-o', file, '--json'], { out: (l) => out.push(l), err: () => {} });
      expect(code).toBe(0);
      expect(JSON.parse(out.join(''))).toMatchObject({ format, file, report: { format, fileName: `demo.${format}` } });
      const xml = format === 'qdc' ? readFileSync(file, 'utf8') : unzipText(readFileSync(file))['project.qde']!;
      expect(await refiSchemaErrors(xml, format === 'qdc' ? 'Codebook' : 'Project')).toEqual([]);
    }
  });

  it('reports progress while it zips, and stops when cancelled', async () => {
    const events: ProgressEvent[] = [];
    let answer: Promise<unknown> | null = null;
    const host: Host = new Host({ home: join(t.dir, 'progress-home'), clock: () => FIXED_TIME, coderName: 'tester', onProgress: (e) => {
      events.push(e);
      if (e.jobId === 'stop-me' && e.label === 'Writing sources' && answer === null) answer = host.call('exchange.cancel', { jobId: 'stop-me' });
    } });
    try {
      await host.call('project.openDemo', {});
      const done = await host.call('exchange.exportProject', { jobId: 'run-me' });
      expect(done.ok).toBe(true);
      const steps = events.filter((e) => e.jobId === 'run-me');
      expect(steps.filter((e) => e.label === 'Writing sources').map((e) => e.done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(steps.at(-1)).toMatchObject({ finished: true, label: 'Exported northbridge-micro-credentials-demo.qdpx' });

      const stopped = await host.call('exchange.exportProject', { jobId: 'stop-me' });
      expect(await answer).toEqual({ ok: true, value: { cancelled: true } });
      expect(stopped).toEqual({ ok: false, error: { code: 'cancelled', message: 'Export cancelled: no file was made' } });
    } finally {
      host.close();
    }
  });
});
