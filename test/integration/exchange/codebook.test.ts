import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refiSchemaErrors } from '../../helpers/refi-validate.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { codebookView, exportedBytes, newProject, upload } from './helpers.ts';

let t: TestHost;
beforeEach(() => {
  t = testHost();
});
afterEach(() => t.cleanup());

const codesOf = async () => (await t.ok('codes.list', {})).map((c) => c.name).sort();

describe('REFI-QDA codebook (.qdc) export and import', () => {
  it('exports the demo codebook valid against Codebook.xsd, and a new project gets the same codebook back', async () => {
    await t.ok('project.openDemo', {});
    const value = (await t.ok('codes.list', {})).find((c) => c.name === 'Value added')!;
    await t.ok('codes.describe', { id: value.id, whenToUse: 'Benefits named by the institution.', whenNotToUse: 'Benefits to learners only.', example: '“It adds value to the degree”' });
    const demo = await codebookView(t);
    expect(demo.codes.some((c) => c.origin === 'inductive')).toBe(true);
    expect(demo.frameworks.length).toBeGreaterThan(0);

    const exported = await t.ok('exchange.exportCodebook', {});
    const xml = exportedBytes(exported).toString('utf8');
    expect(await refiSchemaErrors(xml, 'Codebook')).toEqual([]);
    expect(xml).toContain('xmlns="urn:QDA-XML:codebook:1.0"');
    expect(exported.file.fileName).toMatch(/codebook\.qdc$/);
    expect(exported.summary.counts.codes).toBe(demo.codes.length);

    await newProject(t, 'copy');
    const staged = await t.ok('exchange.stage', { file: upload(exported.file.fileName, exportedBytes(exported)) });
    expect(staged).toMatchObject({ format: 'qdc', origin: 'Marginalia 0.1', contents: { codes: demo.codes.length } });
    const plan = await t.ok('exchange.preview', { stagedId: staged.stagedId });
    expect(plan.counts.codesAdded).toBe(demo.codes.length);
    expect(plan.codebook.every((c) => c.action === 'add')).toBe(true);
    expect(await codesOf()).toEqual([]); // the preview wrote nothing

    const report = await t.ok('exchange.applyCodebook', { stagedId: staged.stagedId });
    expect(report.counts).toMatchObject({ codesAdded: demo.codes.length, codesMatched: 0 });
    expect(report.warningCount).toBe(0);
    expect(await codebookView(t)).toEqual(demo);

    // One undoable step, named after the file.
    expect((await t.ok('undo.state', {})).undoLabel).toBe(`Merge codebook ‘${exported.file.fileName}’`);
    await t.ok('undo.undo', {});
    expect(await codesOf()).toEqual([]);
  });

  it('exports the same GUIDs twice, and a codebook imported from elsewhere keeps its GUIDs', async () => {
    await t.ok('project.openDemo', {});
    const first = exportedBytes(await t.ok('exchange.exportCodebook', {})).toString('utf8');
    const second = exportedBytes(await t.ok('exchange.exportCodebook', {})).toString('utf8');
    expect(second).toBe(first);
    await newProject(t, 'copy');
    const staged = await t.ok('exchange.stage', { file: upload('demo.qdc', first) });
    await t.ok('exchange.applyCodebook', { stagedId: staged.stagedId });
    const again = exportedBytes(await t.ok('exchange.exportCodebook', {})).toString('utf8');
    const guids = (xml: string) => [...xml.matchAll(/<Code guid="([^"]+)" name="([^"]+)"/g)].map((m) => `${m[2]}=${m[1]}`).sort();
    expect(guids(again)).toEqual(guids(first));
  });

  it('merges into an existing codebook by name path, showing first what changes', async () => {
    await newProject(t, 'study', 'five-questions');
    const why = (await t.ok('codes.list', {})).find((c) => c.name === 'Why')!;
    const blank = await t.ok('codes.create', { name: 'Cost', parentId: why.id });
    const before = await codebookView(t);
    const qdc = `\ufeff<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="ATLAS.ti 23.4.0">
  <Codes>
    <Code guid="{A1B2C3D4-0000-4000-8000-000000000001}" name="WHY" isCodable="false" color="#ABC">
      <Description>Reasons.</Description>
      <Code guid="{A1B2C3D4-0000-4000-8000-000000000002}" name="value added" isCodable="true"><Description>Something else entirely.</Description></Code>
      <Code guid="{A1B2C3D4-0000-4000-8000-000000000003}" name="cost" isCodable="true"><Description>Money spent.</Description></Code>
      <Code guid="{A1B2C3D4-0000-4000-8000-000000000004}" name="Prestige" isCodable="true" color="rgb(1,2,3)"><Description>Status.</Description></Code>
    </Code>
    <Code guid="{A1B2C3D4-0000-4000-8000-000000000005}" name="Barriers" isCodable="false" color="#aabbcc">
      <Code guid="{A1B2C3D4-0000-4000-8000-000000000006}" name="Time" isCodable="true"/>
    </Code>
  </Codes>
  <Sets/>
</CodeBook>`;
    const staged = await t.ok('exchange.stage', { file: upload('atlas.qdc', qdc) });
    const plan = await t.ok('exchange.preview', { stagedId: staged.stagedId });
    const actions = Object.fromEntries(plan.codebook.map((c) => [c.path.join(' / '), c.action]));
    expect(actions).toEqual({ WHY: 'keep', 'WHY / value added': 'keep', 'WHY / cost': 'describe', 'WHY / Prestige': 'add', Barriers: 'add', 'Barriers / Time': 'add' });
    expect(plan.counts).toMatchObject({ codesAdded: 3, codesMatched: 3 });
    expect(plan.warnings).toEqual([{ where: 'Code WHY / Prestige', message: 'its colour "rgb(1,2,3)" is not #RGB or #RRGGBB; it gets a colour of its own' }]);
    expect(await codebookView(t)).toEqual(before);

    await t.ok('exchange.applyCodebook', { stagedId: staged.stagedId });
    const after = await codebookView(t);
    const code = (path: string) => after.codes.find((c) => c.path === path)!;
    expect(code('Why / Cost').definition).toBe('Money spent.');
    expect(code('Why / Value added').definition).toBe(before.codes.find((c) => c.path === 'Why / Value added')!.definition);
    expect(code('Why').color).toBe(before.codes.find((c) => c.path === 'Why')!.color);
    expect(code('Why / Prestige')).toMatchObject({ definition: 'Status.', color: code('Why').color });
    expect(code('Barriers').color).toBe('#aabbcc');
    expect(code('Barriers / Time').color).toBe('#aabbcc');
    expect(after.codes).toHaveLength(before.codes.length + 3);
    expect((await t.ok('codes.list', {})).find((c) => c.id === blank.id)!.definition).toBe('Money spent.');
  });

  it('reads the quirks of other writers: namespaces, BOM, #RGB colours, sets in the codebook, flattened names', async () => {
    await newProject(t, 'study');
    const qdc = `<?xml version="1.0"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1:0" origin="NVivo 12 For Mac">
  <Codes>
    <Code guid="b1b2c3d4-0000-4000-8000-000000000001" name="Attitudes::Positive" isCodable="true" color="#0F0"/>
    <Code guid="b1b2c3d4-0000-4000-8000-000000000002" name="Attitudes::Negative" isCodable="true"/>
    <Code guid="b1b2c3d4-0000-4000-8000-000000000003" name="Tone" isCodable="true"/>
  </Codes>
  <Sets>
    <Set guid="b1b2c3d4-0000-4000-8000-0000000000a1" name="Feelings"><Description>Affect codes</Description>
      <MemberCode guid="b1b2c3d4-0000-4000-8000-000000000001"/><MemberCode guid="B1B2C3D4-0000-4000-8000-000000000002"/>
    </Set>
  </Sets>
</CodeBook>`;
    const staged = await t.ok('exchange.stage', { file: upload('nvivo.qdc', qdc) });
    await t.ok('exchange.applyCodebook', { stagedId: staged.stagedId });
    const view = await codebookView(t);
    expect(view.codes.map((c) => c.path)).toEqual(['Attitudes', 'Attitudes / Negative', 'Attitudes / Positive', 'Tone']);
    expect(view.codes.find((c) => c.path === 'Attitudes / Positive')).toMatchObject({ color: '#00ff00', elements: ['Code groups › Feelings'] });
    expect(view.codes.find((c) => c.path === 'Attitudes / Negative')!.elements).toEqual(['Code groups › Feelings']);
    expect(view.frameworks).toEqual([{ name: 'Code groups', description: '', elements: [{ name: 'Feelings', description: 'Affect codes' }] }]);
  });

  it('refuses a file it cannot read, naming it, and changes nothing', async () => {
    await newProject(t, 'study', 'five-questions');
    const before = await codebookView(t);
    const bad = async (name: string, content: string | Uint8Array) => {
      const r = await t.host.call('exchange.stage', { file: upload(name, content) });
      expect(r.ok).toBe(false);
      return r.ok ? null : r.error;
    };
    expect(await bad('broken.qdc', '<CodeBook><Codes><Code name="x"></Codes></CodeBook>')).toMatchObject({ code: 'bad_file', message: expect.stringMatching(/^broken\.qdc is not well-formed XML \(line 1, column \d+/) });
    expect((await bad('evil.qdc', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CodeBook><Codes/></CodeBook>'))!.message).toMatch(/^evil\.qdc was refused: it declares a DOCTYPE/);
    expect((await bad('project.qdc', '<Project name="x"/>'))!.message).toBe('project.qdc is not a REFI-QDA codebook file: its root element is <Project>, not <CodeBook>');
    const r = await t.host.call('exchange.applyCodebook', { stagedId: 'xch_nothing' });
    expect(r.ok ? null : r.error.code).toBe('not_found');
    expect(await codebookView(t)).toEqual(before);
  });

  it('refuses to export an empty codebook', async () => {
    await newProject(t, 'empty');
    const r = await t.host.call('exchange.exportCodebook', {});
    expect(r.ok ? null : r.error.message).toBe('The codebook is empty: there is nothing to export');
  });
});
