import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUALTRICS_IDS, qualtricsCsv, WHY } from '../helpers/survey-exports.ts';
import { useDemoApp } from './harness.ts';

describe('a Qualtrics export through the import dialog', () => {
  const app = useDemoApp();

  it('shows the recognised mapping, imports the two respondents under their ids, and the Frequency view counts them', async () => {
    const { page } = app;
    const file = join(app.dir, 'Learner survey_March 6, 2025_10.15.csv');
    writeFileSync(file, qualtricsCsv());
    await expect.poll(() => page.locator('.project-name').textContent()).toContain('Northbridge');

    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import files' });
    await dialog.locator('input[type=file]').setInputFiles([file]);
    const files = dialog.getByRole('listbox', { name: 'Files to import' });
    // Three header rows, two respondents: the question texts and import ids are not respondents.
    await expect.poll(() => files.getByRole('option').nth(0).textContent()).toContain('Questionnaire · 2 respondents');

    // The mapping before anything is written: the platform, the respondent id column, questions by their text.
    const survey = dialog.getByRole('region', { name: 'How the file was read' });
    await expect.poll(() => survey.textContent()).toContain('Qualtrics export');
    expect(await survey.textContent()).toContain('current export, choice text');
    expect(await survey.textContent()).toContain('3 header rows');
    expect(await dialog.getByLabel('Respondent id column').inputValue()).toBe('ResponseId');
    expect(await dialog.locator('.imp-note').first().textContent()).toContain('2 respondents: 2 become new participants');
    const columns = dialog.getByRole('table', { name: 'Columns' });
    const row = (key: string) => columns.locator('tbody tr').filter({ has: page.locator(`th[data-column="${key}"]`) });
    expect(await row('Q1').locator('th').textContent()).toContain(WHY);
    expect(await dialog.getByLabel('Import Q1 as').inputValue()).toBe('answer');
    expect(await row('Q2_1').locator('th').textContent()).toContain('How satisfied are you with the following? — Teaching');
    // The platform's own records and what identifies a person stay out unless asked for.
    expect(await dialog.getByLabel('Import IPAddress as').inputValue()).toBe('ignore');
    expect(await row('IPAddress').textContent()).toContain('identifies a person: IP address');
    expect(await row('RecipientEmail').textContent()).toContain('identifies a person: e-mail address');
    await app.screenshot('import-dialog-qualtrics');
    const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Taking an identifying column in says so where the choice is made.
    await dialog.getByLabel('Import RecipientEmail as').selectOption('attribute');
    expect(await row('RecipientEmail').getByRole('alert').textContent()).toContain('This column identifies a person (e-mail address)');
    await row('RecipientEmail').scrollIntoViewIfNeeded();
    await app.screenshot('import-dialog-qualtrics-records');
    await dialog.getByLabel('Import RecipientEmail as').selectOption('ignore');

    await dialog.getByRole('button', { name: 'Import 1 file' }).click();
    const done = page.getByRole('dialog', { name: 'Import finished' });
    await expect.poll(() => done.textContent()).toContain(`created participants ${QUALTRICS_IDS[0]}, ${QUALTRICS_IDS[1]}`);
    await page.keyboard.press('Escape');

    // Code every answer to the open question, as a researcher starts on a survey.
    await page.getByRole('button', { name: 'Search' }).click();
    const structure = page.getByRole('complementary', { name: 'Code by structure' });
    const item = structure.getByLabel('Questionnaire item');
    await expect.poll(() => item.locator('option').allTextContents()).toContain(`Q1. ${WHY} (2)`);
    await item.selectOption({ label: `Q1. ${WHY} (2)` });
    await structure.getByLabel('Code for the answers').selectOption({ label: 'Why' });
    await structure.getByRole('button', { name: 'Code answers' }).click();
    await expect.poll(() => page.getByText('Coded 2 answers.').count()).toBe(1);

    // The Frequency view counts one coded answer under each respondent's id.
    await page.getByRole('button', { name: 'Analysis' }).click();
    await page.getByRole('tab', { name: 'Frequency' }).click();
    const table = page.getByRole('table', { name: 'Codings by participant' });
    await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(expect.arrayContaining([QUALTRICS_IDS[0], QUALTRICS_IDS[1]]));
    const heads = await table.locator('thead th').allTextContents();
    const why = table.locator('tbody tr').filter({ has: page.locator('th', { hasText: /^Why$/ }) });
    const cells = await why.locator('td').allTextContents();
    const cell = (label: string) => cells[heads.indexOf(label) - 1];
    expect([cell(QUALTRICS_IDS[0]), cell(QUALTRICS_IDS[1])]).toEqual(['1', '1']);
    await app.screenshot('analysis-frequency-qualtrics');
  });
});
