import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Host } from '../../../electron/backend/host.ts';
import { startBrowserServer } from '../../../electron/server/server.ts';
import { findRendererDir } from '../../../electron/server/static-files.ts';
import { rawRequest } from '../../helpers/http.ts';
import { FIXED_TIME, tableCounts, testHost, type TestHost } from '../../helpers/project.ts';

let t: TestHost;
const hosts: Host[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.close();
  t?.cleanup();
});

const secretFile = () => {
  const path = join(t.dir, 'secret.txt');
  writeFileSync(path, 'a private letter the page must never read');
  return path;
};

describe('the page is not trusted with paths', () => {
  it('import.stage, exchange.stage and team.stage refuse a path from the page, and read nothing', async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
    const secret = secretFile();
    const before = tableCounts(t.host);
    const staged = await t.host.call('import.stage', { files: [{ path: secret }] }, 'renderer');
    expect(staged).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'files.0.path' } });
    if (!staged.ok) expect(staged.error.message).toMatch(/not read from a path the page gives/);
    const exchange = await t.host.call('exchange.stage', { file: { path: secret } }, 'renderer');
    expect(exchange).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'file.path' } });
    const copy = await t.host.call('team.stage', { file: { path: secret } }, 'renderer');
    expect(copy).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'file.path' } });
    // Bytes from the page are fine, and so is a path from the command line.
    const bytes = await t.host.call('import.stage', { files: [{ name: 'note.txt', dataBase64: Buffer.from('Hello').toString('base64') }] }, 'renderer');
    expect(bytes.ok).toBe(true);
    expect((await t.host.call('import.stage', { files: [{ path: secret }] })).ok).toBe(true);
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('in browser mode a page may open or create only .marginalia files', async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
    const secret = secretFile();
    const open = await t.host.call('project.open', { path: secret }, 'renderer');
    expect(open).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    if (!open.ok) expect(open.error.message).toMatch(/Only Marginalia project files \(\.marginalia\) can be opened/);
    // Reviewer mode reads as much as opening does: the same rule.
    const review = await t.host.call('project.openForReview', { path: secret }, 'renderer');
    expect(review).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    const create = await t.host.call('project.create', { path: join(t.dir, 'notes.txt'), template: 'empty' }, 'renderer');
    expect(create).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const fine = await t.host.call('project.create', { path: join(t.dir, 'typed.marginalia'), template: 'empty' }, 'renderer');
    expect(fine.ok).toBe(true);
  });

  it('in the desktop app a page may name only projects the user chose before; the shell’s own dialogs may open any', async () => {
    t = testHost();
    const desktop = new Host({ home: join(t.dir, 'desktop-home'), clock: () => FIXED_TIME, coderName: 'tester', desktop: true });
    hosts.push(desktop);
    const elsewhere = join(t.dir, 'elsewhere');
    mkdirSync(elsewhere);
    const chosen = join(elsewhere, 'chosen.marginalia');
    const stranger = join(elsewhere, 'stranger.marginalia');
    expect((await t.host.call('project.create', { path: stranger, template: 'empty' })).ok).toBe(true);
    t.host.close();

    const refused = await desktop.call('project.create', { path: chosen, template: 'empty' }, 'renderer');
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/was not chosen in a file dialog: use File → New…/);
    const opened = await desktop.call('project.open', { path: stranger }, 'renderer');
    expect(opened).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The shell's dialog (a trusted call) opens it; from then on it is a recent project the page may reopen.
    expect((await desktop.call('project.open', { path: stranger })).ok).toBe(true);
    expect((await desktop.call('project.openDemo', {}, 'renderer')).ok).toBe(true);
    expect((await desktop.call('project.open', { path: stranger }, 'renderer')).ok).toBe(true);
    // New projects inside the projects folder need no dialog.
    expect((await desktop.call('project.create', { name: 'Fieldwork', template: 'empty' }, 'renderer')).ok).toBe(true);
  });

  it('a pseudonymized copy and its key are written, and a key read, only as files of their kind and, in the desktop app, beside a chosen project', async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
    const secret = secretFile();
    const apply = (out: string, keyPath: string, host: Host = t.host) => host.call('anonymize.apply', { out, keyPath, passphrase: 'correct horse battery' }, 'renderer');
    // Not a project, not a key, not a full path: refused before anything runs.
    expect(await apply(join(t.dir, 'copy.txt'), join(t.dir, 'copy.key'))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'out' } });
    expect(await apply(join(t.dir, 'copy.marginalia'), join(t.dir, '.bashrc'))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'keyPath' } });
    expect(await apply('copy.marginalia', join(t.dir, 'copy.key'))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'out' } });
    const probe = await t.host.call('anonymize.readKey', { keyPath: secret, passphrase: 'x' }, 'renderer');
    expect(probe).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'keyPath' } });
    if (!probe.ok) expect(probe.error.message).not.toContain('private letter');
    expect(existsSync(join(t.dir, 'copy.marginalia')) || existsSync(join(t.dir, 'copy.key'))).toBe(false);
    // The command line names any paths it likes.
    expect((await t.host.call('anonymize.readKey', { keyPath: secret, passphrase: 'x' })).ok).toBe(false);

    // The desktop app: beside the open (chosen) project yes, in a folder nobody chose no.
    const desktop = new Host({ home: join(t.dir, 'desktop-home'), clock: () => FIXED_TIME, coderName: 'tester', desktop: true });
    hosts.push(desktop);
    expect((await desktop.call('project.openDemo', {}, 'renderer')).ok).toBe(true);
    const stranger = join(t.dir, 'elsewhere');
    mkdirSync(stranger);
    const far = await apply(join(stranger, 'copy.marginalia'), join(stranger, 'copy.key'), desktop);
    expect(far).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'out' } });
    if (!far.ok) expect(far.error.message).toMatch(/is not the folder of a project you opened/);
    const beside = dirname(desktop.demoPath);
    const made = await apply(join(beside, 'demo-pseudonymized.marginalia'), join(beside, 'demo-pseudonymization.key'), desktop);
    expect(made.ok).toBe(true);
    expect(existsSync(join(beside, 'demo-pseudonymized.marginalia'))).toBe(true);
    expect(readdirSync(stranger)).toEqual([]);
  });

  it('over HTTP every call is the page’s: a path to a private file is refused with 400', async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
    const secret = secretFile();
    const rendererDir = join(t.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Marginalia</title>');
    const server = await startBrowserServer({ call: t.host.call, rendererDir });
    try {
      const token = new URL(server.url).searchParams.get('token')!;
      const reply = await rawRequest(server.port, '/api/call', {
        method: 'POST',
        headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-marginalia-token': token },
        body: JSON.stringify({ method: 'import.stage', input: { files: [{ path: secret }] } }),
      });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatch(/not read from a path the page gives/);
      expect(reply.body).not.toContain('private letter');
    } finally {
      await server.close();
    }
  });
});

describe('developer overrides', () => {
  it('MARGINALIA_RENDERER_DIR is ignored when overrides are not allowed (a packaged app)', () => {
    const before = process.env['MARGINALIA_RENDERER_DIR'];
    process.env['MARGINALIA_RENDERER_DIR'] = '/somewhere/else';
    try {
      expect(findRendererDir()).toBe('/somewhere/else');
      expect(findRendererDir(undefined, { allowOverride: false })).not.toBe('/somewhere/else');
    } finally {
      if (before === undefined) delete process.env['MARGINALIA_RENDERER_DIR'];
      else process.env['MARGINALIA_RENDERER_DIR'] = before;
    }
  });
});
