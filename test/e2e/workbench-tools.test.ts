import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness.ts';
import { codeCount, codingsInFile, selectPhrase } from './workbench-helpers.ts';

const SOURCE = 'Interview with PA';

describe('the workbench tools', () => {
  const app = useDemoApp(async ({ page }) => {
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(SOURCE) }).click();
    await expect.poll(() => page.locator('.mg-doc').textContent()).toContain('seismic retrofitting');
  });

  it('codes in vivo, a whole turn, snaps to words, and adjusts boundaries', async () => {
    const { page } = app;
    // In vivo: the selected words become an inductive code.
    await selectPhrase(page, 'a souvenir');
    await page.keyboard.press('Control+i');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.code === 'a souvenir').length).toBe(1);
    await expect.poll(() => page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /a souvenir/ }).textContent()).toContain('inductive');

    // Snap to words, on from the start: a sloppy selection widens to whole words…
    expect(await page.getByLabel('Snap to words').isChecked()).toBe(true);
    await selectPhrase(page, 'me outcomes ne');
    await page.keyboard.press('1');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.code === 'a souvenir').map((c) => c.quote)).toContain('Some outcomes need');
    // …and a passage that stops just short of its sentence's end keeps the full stop.
    await selectPhrase(page, 'it is not a credential, it is a souvenir');
    await page.keyboard.press('1');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.code === 'a souvenir').map((c) => c.quote)).toContain('it is not a credential, it is a souvenir.');

    // A whole turn: caret in the turn, Ctrl+U, pick a code.
    await selectPhrase(page, 'concrete cube');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+u');
    await page.getByRole('dialog', { name: 'Code the whole turn' }).getByRole('combobox').fill('Accreditation');
    await page.keyboard.press('Enter');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.code === 'Accreditation' && c.quote.startsWith('Flexibility is essential')).length).toBe(1);
    const turn = codingsInFile(app, SOURCE).find((c) => c.code === 'Accreditation' && c.quote.startsWith('Flexibility is essential'))!;
    expect(turn.quote.endsWith('the practical days are fixed.')).toBe(true);

    // Adjust: select the coding, F2, widen the selection with Shift+End, Enter.
    await page.locator('mark.mg-coding', { hasText: 'Some outcomes need' }).first().scrollIntoViewIfNeeded();
    await page.locator('.mg-stripe[aria-label^="a souvenir: “Some outcomes need"]').click();
    await page.keyboard.press('F2');
    await expect.poll(() => page.locator('.doc-status').textContent()).toContain('Enter to keep it');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.code === 'a souvenir').map((c) => c.quote)).toContain('Some outcomes need laboratory');
    await app.screenshot('workbench-8-adjusted');
  });

  it('applies a code by dropping a dragged passage on it', async () => {
    const { page } = app;
    await selectPhrase(page, "a full master's degree");
    const target = page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /^Recognition and portability/ });
    // Chromium's native drag of a text selection cannot be scripted; send the same events with the same data.
    await page.evaluate(() => {
      const doc = document.querySelector('.mg-doc')!;
      const data = new DataTransfer();
      doc.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: data }));
      const row = Array.from(document.querySelectorAll('[role="treeitem"]')).find((r) => r.textContent?.startsWith('Recognition'))!;
      row.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
      row.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    });
    await expect.poll(() => codingsInFile(app, SOURCE).filter((c) => c.quote === "a full master's degree").map((c) => c.code)).toEqual(['Recognition and portability']);
    expect(await target.count()).toBe(1);
  });

  it('writes a rich-text memo on a coding, marks its stripe and finds it in the memo panel', async () => {
    const { page } = app;
    await page.locator('mark.mg-coding', { hasText: 'choose the pace' }).first().scrollIntoViewIfNeeded();
    const stripe = page.locator('.mg-stripe[aria-label^="Flexibility: “Learners can choose"]');
    await stripe.click();
    expect(await stripe.locator('.mg-stripe-memo').count()).toBe(0);
    await page.keyboard.press('m');
    const dialog = page.getByRole('dialog', { name: /Memo on passage coded “Flexibility”/ });
    await dialog.getByLabel('Title').fill('Fixed lab days');
    await dialog.getByRole('textbox', { name: 'Memo text' }).click();
    await page.keyboard.type('Pace is flexible but ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('lab days are not');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('.');
    await app.screenshot('workbench-9-memo');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => stripe.locator('.mg-stripe-memo').count()).toBe(1);
    const memo = app.host.current!.db.raw.prepare("SELECT title, body, text FROM memos WHERE title = 'Fixed lab days'").get() as { body: string; text: string };
    expect(memo.body).toContain('<strong>lab days are not</strong>');
    expect(memo.text).toBe('Pace is flexible but lab days are not.');
    // Focus is back in the document.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('mg-doc'))).toBe(true);

    await page.getByRole('tab', { name: 'Memos' }).click();
    await page.getByLabel('Search memos').fill('lab days');
    await expect.poll(() => page.getByRole('list', { name: 'Memos' }).textContent()).toContain('Fixed lab days');
    await app.screenshot('workbench-10-memo-panel');
  });

  it('splits coded passages into a child code, ticks the crosswalk, and deletes with a proper confirmation', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Codebook' }).click();
    const tree = page.getByRole('tree', { name: 'Codebook tree' });
    await tree.getByRole('treeitem', { name: /^Flexibility/ }).click();
    const passages = page.getByRole('region', { name: 'Passages coded Flexibility' });
    await expect.poll(() => passages.getByRole('checkbox').count()).toBe(5);
    await passages.getByRole('checkbox').nth(0).check();
    await passages.getByRole('checkbox').nth(1).check();
    await passages.getByLabel('Name of the new child code').fill('Pace and timing');
    await passages.getByRole('button', { name: 'Split into new child code' }).click();
    await expect.poll(() => tree.getByRole('treeitem', { name: /Pace and timing/ }).count()).toBe(1);
    expect(codeCount(app, 'Pace and timing')).toBe(2);
    expect(codeCount(app, 'Flexibility')).toBe(3);

    // Crosswalk: tick a cell, it is stored.
    await page.getByRole('tab', { name: 'Crosswalk' }).click();
    const cell = page.getByRole('checkbox', { name: /^Pace and timing covers / }).first();
    await cell.check();
    await expect.poll(() => (app.host.current!.db.raw.prepare("SELECT count(*) AS n FROM code_element_links l JOIN codes c ON c.id = l.code_id WHERE c.name = 'Pace and timing'").get() as { n: number }).n).toBe(1);
    await app.screenshot('workbench-11-crosswalk');
    // A framework of one's own: create it, add an element, link a category.
    await page.getByLabel('New framework name').fill('Institutional checklist');
    await page.getByRole('button', { name: 'Create framework' }).click();
    const chooser = page.getByRole('combobox', { name: 'Framework', exact: true });
    await expect.poll(() => chooser.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Institutional checklist');
    await page.getByLabel('New element name').fill('Employer involvement');
    await page.getByRole('button', { name: 'Add element' }).click();
    await page.getByRole('checkbox', { name: 'Value added covers Employer involvement' }).check();
    await expect.poll(() => (app.host.current!.db.raw.prepare("SELECT count(*) AS n FROM code_element_links l JOIN framework_elements e ON e.id = l.element_id WHERE e.name = 'Employer involvement'").get() as { n: number }).n).toBe(1);

    // Delete asks in a modal and says how many codings go with it.
    await page.getByRole('tab', { name: 'Codes' }).click();
    await tree.getByRole('treeitem', { name: /^Pace and timing/ }).click();
    await page.getByRole('button', { name: 'Delete code…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Pace and timing”?' });
    await expect.poll(() => confirm.textContent()).toContain('2 codings go with it');
    await app.screenshot('workbench-12-delete');
    await confirm.getByRole('button', { name: /^Delete code/ }).click();
    await expect.poll(() => tree.getByRole('treeitem', { name: /Pace and timing/ }).count()).toBe(0);
    expect(codeCount(app, 'Pace and timing')).toBe(0);
    // Focus returns to the tree.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tree');
  });
});
