/**
 * Hostile files through the whole import, as the dialog runs it (issue 18, item 5): damaged
 * exports are staged from the page, previewed and imported with the dialog's first guesses;
 * damaged REFI-QDA projects and codebooks are staged, previewed and imported into the open
 * project. Every step answers with a success or a typed error (never `internal`); a refused
 * import leaves the project as it was; an accepted one stores units and codings inside their
 * texts, with quotes that match, and one undo takes it all back.
 */
import { unzipSync as unzipAll, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/api/contract.ts';
import type { ApiResult } from '../../../shared/api/errors.ts';
import type { ImportPreview, StagedFile } from '../../../shared/domain/import-types.ts';
import { editedBytes, editedText, editedZipEntry, fc, fuzzParams, fuzzTimeout, XML_TOKENS } from '../../helpers/fuzz.ts';
import { UNTRACKED_TABLES } from '../../../electron/backend/undo/tables.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import * as R from '../../helpers/refi-fixtures.ts';
import * as S from '../../helpers/survey-exports.ts';
import * as T from '../../helpers/transcript-exports.ts';
import { asUpload, suggestedOptions } from '../import/helpers.ts';

type Tables = Record<string, unknown[]>;

/** Tables an undo leaves as they are, by design (undo/tables.ts); derived coding credit is compared. */
const NOT_UNDONE = Object.keys(UNTRACKED_TABLES).filter((n) => n !== 'coding_credit');

/** Every row of every table, but those left out. */
function rows(t: TestHost, leaveOut: readonly string[] = NOT_UNDONE): Tables {
  const db = t.host.current!.db.raw;
  const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'source_search%' ORDER BY name`).all() as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !leaveOut.includes(n));
  return Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT * FROM "${n}"`).all().map((r) => JSON.stringify(r)).sort()]));
}

/** What a researcher would find broken after an import: a unit or coding outside its text, a quote that does not match. */
function expectStoredTextsWhole(t: TestHost): void {
  const db = t.host.current!.db.raw;
  const texts = new Map((db.prepare('SELECT id, text FROM sources').all() as { id: number; text: string }[]).map((s) => [s.id, s.text]));
  for (const u of db.prepare('SELECT source_id, start, "end" FROM units').all() as { source_id: number; start: number; end: number }[]) {
    expect(u.end, `unit ${JSON.stringify(u)}`).toBeLessThanOrEqual(texts.get(u.source_id)!.length);
  }
  for (const c of db.prepare('SELECT id, source_id, start, "end", quote FROM codings').all() as { id: number; source_id: number; start: number; end: number; quote: string }[]) {
    const text = texts.get(c.source_id)!;
    expect(c.end, `coding ${c.id}`).toBeLessThanOrEqual(text.length);
    expect(text.slice(c.start, c.end), `coding ${c.id}'s quote`).toBe(c.quote);
  }
}

async function typed(t: TestHost, method: MethodName, input: unknown): Promise<ApiResult<unknown>> {
  const result = await t.host.call(method, input, 'renderer');
  if (!result.ok) {
    expect(result.error.code, `${method}: ${result.error.message}`).not.toBe('internal');
    expect(result.error.message.trim()).not.toBe('');
  }
  return result;
}

/** A write that was refused changed nothing; one that was accepted is whole and one undo takes it back. */
async function expectAllOrNothing(t: TestHost, before: Tables, result: ApiResult<unknown>): Promise<void> {
  if (!result.ok) {
    expect(rows(t, []), `refused (${result.error.message}) but changed`).toEqual(before);
    return;
  }
  expectStoredTextsWhole(t);
  const tracked = (all: Tables) => Object.fromEntries(Object.entries(all).filter(([n]) => !NOT_UNDONE.includes(n)));
  // A codebook with nothing new changes nothing, and leaves nothing to undo.
  if (JSON.stringify(rows(t)) === JSON.stringify(tracked(before))) return;
  await t.ok('undo.undo', {});
  expect(rows(t)).toEqual(tracked(before));
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const encode = (s: string) => new TextEncoder().encode(s);

describe('fuzz: damaged files through the import dialog’s steps and the REFI-QDA import', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = testHost();
    await t.ok('project.openDemo', {});
  });
  afterAll(() => t.cleanup());

  it('survey exports and transcripts: staged, previewed and imported with the first guesses', async () => {
    const docx = await T.otterDocx();
    const files = fc.oneof(
      fc.constantFrom(['answers.csv', text(S.qualtricsCsv())], ['Sheet_1.csv', text(S.surveyMonkeyCsv())], ['results.csv', text(S.limeSurveyCsv('full'))], ['forms.csv', text(S.googleFormsCsv())])
        .chain(([name, real]) => editedText(real, [',', '"', '\r\n', 'ResponseId', 'R_1OkP3GvXc9Qz2Ab', '', ' (2)']).map((s) => [name, encode(s)] as const)),
      fc.constantFrom(['zoom.vtt', text(T.zoomVtt())], ['otter.txt', text(T.otterTxt())], ['whisper.json', text(T.whisperJson(true))], ['rev.txt', text(T.revTxt())])
        .chain(([name, real]) => editedText(real, ['\n', ':', ' --> ', 'SPEAKER_00', '00:00:01.000', 'Ana Lima', '"speaker":']).map((s) => [name, encode(s)] as const)),
      fc.oneof(editedZipEntry(docx, XML_TOKENS), editedBytes(docx)).map((b) => ['otter.docx', b] as const),
    );
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(files, async ([name, bytes]) => {
        const staged = await typed(t, 'import.stage', { files: [asUpload(name, bytes)] });
        if (!staged.ok) return;
        const file = (staged.value as StagedFile[])[0]!;
        if (file.error !== null) return;
        const preview = await typed(t, 'import.preview', { stagedId: file.stagedId, kind: file.suggestedKind });
        if (!preview.ok) {
          await typed(t, 'import.discard', { stagedIds: [file.stagedId] });
          return;
        }
        const before = rows(t, []);
        const result = await typed(t, 'import.run', { files: [suggestedOptions(file, preview.value as ImportPreview)] });
        if (result.ok) imported++;
        else await typed(t, 'import.discard', { stagedIds: [file.stagedId] });
        await expectAllOrNothing(t, before, result);
      }),
      fuzzParams(40),
    );
    expect(imported).toBeGreaterThan(0);
  }, fuzzTimeout(40, 400));

  /** Numbers and references in a REFI-QDA project changed: positions, GUIDs pointing elsewhere. */
  const editedRefi = (qdpx: Uint8Array) =>
    fc.oneof(
      editedZipEntry(qdpx, XML_TOKENS),
      editedBytes(qdpx),
      fc.array(fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(2 ** 31, 2 ** 53, 1e21))), { minLength: 1, maxLength: 4 }).map((edits) => {
        const entries = unzipAll(qdpx);
        let qde = text(entries['project.qde']!);
        const numbers = [...qde.matchAll(/(startPosition|endPosition|startPage|endPage)="(\d+)"/g)];
        for (const [at, value] of edits) {
          const m = numbers[at % Math.max(1, numbers.length)];
          if (m) qde = qde.replace(m[0], `${m[1]}="${value}"`);
        }
        const guids = [...new Set([...qde.matchAll(/targetGUID="([^"]+)"/g)].map((m) => m[1]!))];
        if (guids.length > 1) qde = qde.replace(`targetGUID="${guids[0]}"`, `targetGUID="${guids[edits[0]![0] % guids.length]}"`);
        return zipSync({ ...entries, 'project.qde': encode(qde) });
      }),
    );

  it('REFI-QDA projects from NVivo, MAXQDA, ATLAS.ti, QualCoder and Taguette, damaged: staged, previewed, imported into the open project', async () => {
    const projects = [R.nvivoWindows(), R.nvivoMac(), R.maxqda(), R.atlas(), R.qualcoder(), R.taguette()];
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...projects).chain(editedRefi), async (bytes) => {
        const staged = await typed(t, 'exchange.stage', { file: asUpload('study.qdpx', bytes) });
        if (!staged.ok) return;
        const { stagedId } = staged.value as { stagedId: string };
        const plan = await typed(t, 'exchange.preview', { stagedId });
        const before = rows(t, []);
        const result = await typed(t, 'exchange.importProject', { stagedId });
        if (result.ok) imported++;
        expect(plan.ok || !result.ok, 'imported what the preview refused').toBe(true);
        await expectAllOrNothing(t, before, result);
        await typed(t, 'exchange.discard', { stagedIds: [stagedId] });
      }),
      fuzzParams(30),
    );
    expect(imported).toBeGreaterThan(0);
  }, fuzzTimeout(30, 1500));

  it('REFI-QDA codebooks (.qdc), damaged: staged and merged into the codebook', async () => {
    const qdc = encode(R.TAGUETTE_QDC);
    const richer = encode(text(unzipAll(R.nvivoWindows())['project.qde']!).replace(/<Project[^>]*>/, '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo">').replace(/<\/Project>/, '</CodeBook>'));
    const cases = fc.oneof(
      fc.constantFrom(qdc, richer).chain((b) => editedText(text(b), XML_TOKENS).map(encode)),
      editedBytes(qdc),
    );
    await fc.assert(
      fc.asyncProperty(cases, async (bytes) => {
        const staged = await typed(t, 'exchange.stage', { file: asUpload('codes.qdc', bytes) });
        if (!staged.ok) return;
        const { stagedId } = staged.value as { stagedId: string };
        await typed(t, 'exchange.preview', { stagedId });
        const before = rows(t, []);
        await expectAllOrNothing(t, before, await typed(t, 'exchange.applyCodebook', { stagedId }));
        await typed(t, 'exchange.discard', { stagedIds: [stagedId] });
      }),
      fuzzParams(40),
    );
  }, fuzzTimeout(40, 500));
});
