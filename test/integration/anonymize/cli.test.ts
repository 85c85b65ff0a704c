import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { fileHash, originalsIn, projectBytes, sqliteShell } from './helpers.ts';

const PASSPHRASE = 'correct horse battery';
/** Names as a researcher's spreadsheet tool saves them: UTF-16 with a byte-order mark, blank lines, a comment. */
const NAMES = '# people in the memos\r\n\r\nZoë Ñúñez; Zoë\r\n\r\nHelena Varga; Helena\r\n';
/** Terms as an old Windows editor saves them: Windows-1252, so “á” is the single byte 0xE1. */
const TERMS = 'Northbridge University | University\nNorthbridge | University\nCentre for Digital Education | Unit\nMálaga | City\n';
const ORIGINALS = ['Zoë', 'Ñúñez', 'Helena', 'Varga', 'Tomás', 'Reyes', 'Mireille', 'Okafor', 'Northbridge', 'Centre for Digital Education', 'Málaga'];

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const cp1252 = (text: string) => Buffer.from(text, 'latin1');

describe('marginalia anonymize, verify, audit and key', () => {
  let t: TestHost;
  let demo: string;
  let files: { names: string; terms: string; out: string; key: string };
  const env = process.env;

  beforeEach(async () => {
    t = testHost();
    demo = (await t.ok('project.openDemo', {})).path;
    // A memo that names someone the project holds nowhere else: only the names list finds her.
    await t.ok('memos.create', { targetKind: 'project', targetId: null, title: 'Fieldwork', body: '<p>Zoë Ñúñez arranged the interviews; thank Zoë.</p>' });
    t.host.close();
    files = { names: join(t.dir, 'names.txt'), terms: join(t.dir, 'terms.txt'), out: join(t.dir, 'shared-copy.marginalia'), key: join(t.dir, 'shared-copy.key') };
    writeFileSync(files.names, utf16(NAMES));
    writeFileSync(files.terms, cp1252(TERMS));
    process.env = { ...env, MARGINALIA_TEST_PASSPHRASE: PASSPHRASE };
  });
  afterEach(() => {
    process.env = env;
    t.cleanup();
  });

  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([...args, '--home', join(t.dir, 'cli-home')], { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const anonymize = (...extra: string[]) =>
    cli('anonymize', '--project', demo, '--names', files.names, '--terms', files.terms, '--out', files.out, '--key', files.key, '--passphrase-env', 'MARGINALIA_TEST_PASSPHRASE', ...extra);
  /** Files a failed run might have left beside the copy or the key. */
  const strays = () => readdirSync(t.dir).filter((f) => /partial|pseudonymizing|shared-copy/.test(f));

  /** What verify vouches for in the original: its texts, codebook, codings and audit chain. */
  const manifestOf = async (path: string) => (JSON.parse((await cli('verify', '--project', path, '--json')).out) as { manifest: unknown }).manifest;

  it('applies every proposal from lists in UTF-16 and Windows-1252, prints the report with no original, and leaves the original as it was', async () => {
    const before = await manifestOf(demo);
    const r = await anonymize('--no-guesses');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Pseudonymized copy written to ${files.out}`);
    expect(r.out).toContain(`Key written to ${files.key}`);
    // Kinds and counts: Northbridge University 6×, Northbridge 12×, the centre 2×, Málaga 1×; Zoë twice in the memo.
    expect(r.out).toMatch(/Terms list\s+21 occurrences of 4 terms/);
    expect(r.out).toMatch(/Names list\s+2 occurrences of 1 term\b/);
    expect(r.out).toContain('(not run: dates, capitalised names (guessed))');
    expect(originalsIn(Buffer.from(r.out), ORIGINALS)).toEqual([]);
    expect(await manifestOf(demo)).toEqual(before);
    // Had either file been read in the wrong encoding, “Málaga” or “Zoë” would still be in the copy.
    expect(originalsIn(projectBytes(files.out), ORIGINALS)).toEqual([]);
    expect(originalsIn(projectBytes(demo), ['Zoë', 'Málaga'])).toEqual(['Zoë', 'Málaga']);

    const key = await cli('key', '--key', files.key, '--passphrase-env', 'MARGINALIA_TEST_PASSPHRASE');
    expect(key.code).toBe(0);
    expect(key.out).toMatch(/\[City 1\]\s+Málaga/);
    expect(key.out).toMatch(/\[Person \d\]\s+Zoë Ñúñez/);
    expect(key.out).toMatch(/PA\s+Helena Varga/);
  });

  it('takes dates only with --dates, and guesses capitalised names unless told not to', async () => {
    const r = await anonymize('--dates', '--json');
    expect(r.code).toBe(0);
    const { report } = JSON.parse(r.out) as { report: { rules: Record<string, boolean>; replaced: Record<string, number> } };
    expect(report.rules).toMatchObject({ date: true, candidate: true });
    // “Creative Commons” is no one's name, but nothing is asked: every proposal is applied.
    expect(report.replaced['candidate']).toBeGreaterThan(0);
  });

  it('verifies the copy, with and without its key, and names a text, a coding and an audit entry changed by hand', async () => {
    expect((await anonymize()).code).toBe(0);
    const made = fileHash(files.out);
    const ok = await cli('verify', '--project', files.out);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toContain('verified, nothing was tampered with');
    expect(ok.out).toMatch(/sealed .* \(entry #\d+\); 0 entries written since/);
    const withKey = await cli('verify', '--project', files.out, '--key', files.key, '--passphrase-env', 'MARGINALIA_TEST_PASSPHRASE');
    expect(withKey.code).toBe(0);
    expect(withKey.out).toContain('the copy is the one the key was made for');
    // Verifying is reading: the copy is byte for byte what it was.
    expect(fileHash(files.out)).toBe(made);

    const text = sqliteShell(files.out);
    // Same length, outside every coding: only the text itself differs.
    text.prepare("UPDATE sources SET text = replace(text, 'a media producer', 'a media director') WHERE id = 3").run();
    text.close();
    const r1 = await cli('verify', '--project', files.out);
    expect(r1.code).toBe(1);
    expect(r1.out).toContain('NOT verified: 1 problem');
    expect(r1.err).toBe(`${files.out}: the text of source “Interview with PC” (id 3) was changed since the seal`);

    const coding = sqliteShell(files.out);
    coding.prepare("UPDATE sources SET text = replace(text, 'a media director', 'a media producer') WHERE id = 3").run();
    coding.prepare('UPDATE codings SET code_id = (SELECT max(id) FROM codes) WHERE id = 2').run();
    coding.close();
    const r2 = await cli('verify', '--project', files.out);
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/the codings of source “Interview with PA” were changed since the seal \(10 sealed, 10 now\)$/);
    expect(r2.err).not.toContain('the text of source');

    const entry = sqliteShell(files.out);
    entry.exec('DROP TRIGGER audit_log_no_update');
    entry.prepare("UPDATE audit_log SET detail = '{}' WHERE id = 1").run();
    entry.close();
    const r3 = await cli('verify', '--project', files.out, '--json');
    expect(r3.code).toBe(1);
    const report = JSON.parse(r3.out) as { ok: boolean; problems: string[] };
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/audit entry #1 \(create project, [^)]+\) was changed after it was written/);
  });

  it('prints the audit trail as CSV, filtered, to stdout or a file', async () => {
    expect((await anonymize()).code).toBe(0);
    const all = await cli('audit', '--project', files.out, '--format', 'csv');
    expect(all.code).toBe(0);
    const lines = all.out.split(/\r?\n/);
    expect(lines[0]).toBe('Entry,Time,Coder,Action,Entity,Entity id,Detail,Previous hash,Hash');
    expect(lines.some((l) => /^\d+,[^,]+,[^,]*,anonymize,project,/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\d+,[^,]+,[^,]*,seal,project,/);
    expect(originalsIn(Buffer.from(all.out), ORIGINALS)).toEqual([]);

    const seals = await cli('audit', '--project', files.out, '--format', 'csv', '--action', 'seal');
    expect(seals.out.split(/\r?\n/)).toHaveLength(2);
    const file = join(t.dir, 'trail.csv');
    const written = await cli('audit', '--project', demo, '--format', 'csv', '--out', file);
    expect(written.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^\uFEFFEntry,Time,Coder,Action/);
    expect(readFileSync(file, 'utf8')).toContain(',create,memo,');

    const json = await cli('audit', '--project', demo, '--format', 'json');
    expect(json).toMatchObject({ code: 2, err: 'audit: --format must be csv, not "json"' });
  });

  it('refuses, writing nothing, when the passphrase variable is missing or the output exists', async () => {
    delete process.env['MARGINALIA_TEST_PASSPHRASE'];
    const missing = await anonymize();
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^anonymize: the environment variable MARGINALIA_TEST_PASSPHRASE is not set/);
    expect(strays()).toEqual([]);

    process.env['MARGINALIA_TEST_PASSPHRASE'] = 'short';
    expect((await anonymize()).err).toContain('shorter than 8 characters');
    process.env['MARGINALIA_TEST_PASSPHRASE'] = PASSPHRASE;

    writeFileSync(files.out, 'a file someone keeps');
    const exists = await anonymize();
    expect(exists.code).toBe(1);
    expect(exists.err).toBe(`${files.out} already exists: choose a new file for the copy (nothing was written)`);
    expect(readFileSync(files.out, 'utf8')).toBe('a file someone keeps');
    expect(existsSync(files.key)).toBe(false);
  });

  it('names a list file that is not text, or has a line that cannot be read, by file and line', async () => {
    writeFileSync(files.names, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x07, 0x08]));
    const binary = await anonymize();
    expect(binary.code).toBe(2);
    expect(binary.err).toBe('anonymize: the names file names.txt does not look like a text file: save it as plain text (UTF-8, UTF-16 or Windows-1252), one entry a line');

    writeFileSync(files.names, 'Zoë Ñúñez\n\nPA = ;\n');
    const bad = await anonymize();
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${files.names}:3: Line 3 of the names list has no name`);
    expect(strays()).toEqual([]);

    const none = await cli('anonymize', '--project', demo, '--names', join(t.dir, 'nowhere.txt'), '--out', files.out, '--key', files.key, '--passphrase-env', 'MARGINALIA_TEST_PASSPHRASE');
    expect(none.err).toBe(`anonymize: the names file ${join(t.dir, 'nowhere.txt')} cannot be read: there is no such file`);
  });

  it('says so when a key is opened with the wrong passphrase', async () => {
    expect((await anonymize()).code).toBe(0);
    process.env['MARGINALIA_TEST_PASSPHRASE'] = 'not the passphrase';
    const key = await cli('key', '--key', files.key, '--passphrase-env', 'MARGINALIA_TEST_PASSPHRASE');
    expect(key.code).toBe(1);
    expect(key.err).toBe(`The passphrase does not open ${files.key} (or the file was changed since it was written)`);
    expect(key.out).toBe('');
    const verify = await cli('verify', '--project', files.out, '--key', files.key, '--passphrase-env', 'MARGINALIA_TEST_PASSPHRASE');
    expect(verify.code).toBe(1);
    expect(verify.err).toContain('The passphrase does not open');
  });
});
