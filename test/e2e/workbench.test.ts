import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness.ts';
import { codeCount, codingsInFile, selectPhrase } from './workbench-helpers.ts';

const SOURCE = 'Interview with PA';
const PHRASE_CLICK = 'Some outcomes need laboratory work';
const PHRASE_KEYS = 'It keeps us in contact with alumni long after they graduate.';
const PHRASE_NEW = 'I am not against sharing';

describe('the coding workbench', () => {
  const app = useDemoApp();

  const openInterview = async () => {
    const { page } = app;
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(SOURCE) }).click();
    await expect.poll(() => page.locator('.mg-doc').textContent()).toContain('seismic retrofitting');
    // The demo's codings are drawn as highlights and as stripes in the margin.
    await expect.poll(() => page.locator('mark.mg-coding').count()).toBeGreaterThan(3);
    await expect.poll(() => page.locator('.mg-stripe').count()).toBeGreaterThan(0);
  };

  it('codes passages by click and by keyboard, draws them, and undoes and redoes', async () => {
    const { page } = app;
    await openInterview();
    const before = codingsInFile(app, SOURCE).length;
    await app.screenshot('workbench-1-open');

    // By click: select text, then click a code in the codebook.
    await selectPhrase(page, PHRASE_CLICK);
    await expect.poll(() => page.locator('.doc-status').textContent()).toContain(`${PHRASE_CLICK.length} characters selected`);
    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /^Flexibility/ }).click();
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote === PHRASE_CLICK).map((c) => c.code)).toEqual(['Flexibility']);
    const mark = page.locator('mark.mg-coding', { hasText: 'laboratory work' });
    await expect.poll(() => mark.count()).toBeGreaterThan(0);
    // Stripes are drawn for what is on screen.
    await mark.first().scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.mg-stripe[aria-label^="Flexibility: “Some outcomes"]').count()).toBe(1);
    await expect.poll(() => page.locator('.doc-status').textContent()).toContain('as “Flexibility”');

    // By keyboard: select, Ctrl+K, type to filter, Enter.
    await selectPhrase(page, PHRASE_KEYS);
    await page.keyboard.press('Control+k');
    const picker = page.getByRole('dialog', { name: 'Apply a code to the selection' });
    await picker.getByRole('combobox').fill('value');
    await page.keyboard.press('Enter');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote === PHRASE_KEYS).map((c) => c.code)).toEqual(['Value added']);
    // Focus is back in the document, so the next key works at once: 1 = the first code used, which keeps its key.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('mg-doc'))).toBe(true);
    // The key bar shows which code each number key applies before the key is pressed.
    await expect.poll(() => page.getByRole('group', { name: 'Code keys' }).locator('.key-chip').first().textContent()).toBe('1Flexibility');
    await selectPhrase(page, 'Getting that endorsement takes about a year');
    await page.keyboard.press('1');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote.startsWith('Getting that endorsement')).map((c) => c.code)).toEqual(['Flexibility']);
    expect(codingsInFile(app, SOURCE).length).toBe(before + 3);
    await page.mouse.move(10, 10);
    await app.screenshot('workbench-2-coded');

    // Undo takes the last coding away, in the file and on screen; redo brings it back.
    const undo = page.getByRole('button', { name: /^Undo/ });
    await expect.poll(() => undo.textContent()).toContain('Flexibility');
    await page.keyboard.press('Control+z');
    await expect.poll(() => codingsInFile(app, SOURCE).length).toBe(before + 2);
    await expect.poll(() => page.locator('mark.mg-coding', { hasText: 'Getting that endorsement' }).count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => codingsInFile(app, SOURCE).length).toBe(before + 3);
    await expect.poll(() => page.locator('mark.mg-coding', { hasText: 'Getting that endorsement' }).count()).toBeGreaterThan(0);
    // The toolbar button does the same.
    await undo.click();
    await expect.poll(() => codingsInFile(app, SOURCE).length).toBe(before + 2);
  });

  it('selects a coding from its stripe, recodes it and removes it from the keyboard', async () => {
    const { page } = app;
    await openInterview();
    await page.locator('mark.mg-coding', { hasText: 'choose the pace' }).first().scrollIntoViewIfNeeded();
    const stripe = page.locator('.mg-stripe[aria-label^="Flexibility: “Learners can choose"]');
    await stripe.click();
    const bar = page.getByRole('group', { name: 'Selected coding' });
    await expect.poll(() => bar.textContent()).toContain('Flexibility');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Change the code of this passage' }).getByRole('combobox').fill('Definition');
    await page.keyboard.press('Enter');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote.startsWith('Learners can choose')).map((c) => c.code)).toEqual(['Definition']);
    await expect.poll(() => bar.textContent()).toContain('Definition');
    await page.keyboard.press('Delete');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote.startsWith('Learners can choose')).length).toBe(0);
    await expect.poll(() => page.locator('mark.mg-coding', { hasText: 'choose the pace' }).count()).toBe(0);
  });

  it('creates an inductive category from a passage with a memo on why', async () => {
    const { page } = app;
    await openInterview();
    await selectPhrase(page, PHRASE_NEW);
    await page.keyboard.press('Control+Alt+i');
    const dialog = page.getByRole('dialog', { name: 'New category from this passage' });
    await expect.poll(() => dialog.locator('.passage-quote').textContent()).toBe(PHRASE_NEW);
    await dialog.getByLabel('Category name').fill('Reuse of own teaching materials');
    await dialog.getByLabel('Why this category?').fill('Authors want to reuse their case studies; the scheme has no place for it.');
    await app.screenshot('workbench-3-new-category');
    await dialog.getByRole('button', { name: 'Create category' }).click();
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote === PHRASE_NEW).map((c) => c.code)).toEqual(['Reuse of own teaching materials']);
    const row = page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /Reuse of own teaching materials/ });
    await expect.poll(() => row.textContent()).toContain('ind');
    const memo = app.host.current!.db.raw.prepare("SELECT m.text FROM memos m JOIN codes c ON c.id = m.target_id AND m.target_kind = 'code' WHERE c.name = ?").get('Reuse of own teaching materials') as { text: string };
    expect(memo.text).toContain('reuse their case studies');

    // The inductive categories view lists it with its first evidence.
    await page.getByRole('button', { name: 'Codebook' }).click();
    await page.getByRole('tab', { name: 'Inductive categories' }).click();
    const table = page.locator('table.inductive-table');
    await expect.poll(() => table.textContent()).toContain('Reuse of own teaching materials');
    await expect.poll(() => table.locator('tr', { hasText: 'Reuse of own' }).textContent()).toContain(PHRASE_NEW);
    await app.screenshot('workbench-4-inductive-list');
    // "show in document" opens the source with that coding selected.
    await table.locator('tr', { hasText: 'Reuse of own' }).getByRole('button', { name: 'show in document' }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Selected coding' }).textContent()).toContain('Reuse of own teaching materials');
  });

  it('shows questionnaires under their questions and respondents, documents with headings, and hover cards', async () => {
    const { page } = app;
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /questionnaire/ }).click();
    await expect.poll(() => page.locator('.mg-question').count()).toBeGreaterThan(5);
    const firstAnswer = page.locator('.mg-answer').first();
    expect(await firstAnswer.locator('.mg-speaker').textContent()).toBe('PA');
    // Answers follow their question in reading order.
    const order = await page.locator('.mg-block').evaluateAll((els) => els.slice(0, 4).map((e) => e.className.replace('mg-block ', '')));
    expect(order).toEqual(['mg-question', 'mg-answer', 'mg-answer', 'mg-answer']);
    await app.screenshot('workbench-13-questionnaire');

    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /policy/ }).click();
    await expect.poll(() => page.locator('.mg-heading').count()).toBeGreaterThan(2);
    // Hovering a highlighted passage shows its code and coder.
    const mark = page.locator('mark.mg-coding').first();
    await mark.hover();
    const card = page.getByRole('tooltip');
    await expect.poll(() => card.textContent()).toContain('e2e-coder');
    await app.screenshot('workbench-14-document-hover');
  });

  it('merges two codes and the counts follow', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Codebook' }).click();
    const tree = page.getByRole('tree', { name: 'Codebook tree' });
    const flex = codeCount(app, 'Flexibility');
    const def = codeCount(app, 'Definition');
    await tree.getByRole('treeitem', { name: /^Flexibility/ }).click();
    await tree.getByRole('treeitem', { name: /^Definition/ }).click({ modifiers: ['Control'] });
    await tree.getByRole('treeitem', { name: /^Flexibility/ }).click({ modifiers: ['Control'] });
    await page.getByRole('button', { name: 'Merge into…' }).click();
    const dialog = page.getByRole('dialog', { name: /Merge 2 codes/ });
    await dialog.getByLabel('Target code').selectOption({ label: '\u2003Definition (ticked)' });
    await app.screenshot('workbench-5-merge');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => tree.getByRole('treeitem', { name: /^Flexibility/ }).count()).toBe(0);
    expect(codeCount(app, 'Definition')).toBe(flex + def);
    await expect.poll(() => tree.getByRole('treeitem', { name: /^Definition/ }).locator('.count').textContent()).toBe(String(flex + def));
    await app.screenshot('workbench-6-merged');
    // Undo brings the merged code back with its codings.
    await page.keyboard.press('Control+z');
    await expect.poll(() => tree.getByRole('treeitem', { name: /^Flexibility/ }).count()).toBe(1);
    expect(codeCount(app, 'Flexibility')).toBe(flex);
  });
});
