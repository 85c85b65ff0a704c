import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness.ts';

const TRANSCRIPT = [
  'Interview with Dana Ruiz and Helena, 12 March 2026',
  '',
  '[00:00:04] Interviewer: What made the faculty start offering micro-credentials?',
  '[00:00:11] Dana: Employers kept asking for shorter courses that prove one specific skill.',
  'We also saw students stacking them towards a full degree.',
  '[00:00:40] Helena: From the engineering side it was about industry partners wanting recognised short courses.',
  '[00:01:02] Interviewer: Who decides whether a course earns credit?',
  '[00:01:09] Dana: The programme board, after the quality office has reviewed the assessment.',
  '[00:01:30] Helena: And for us the professional body has a say as well.',
].join('\n');

const SURVEY = [
  'Respondent,Role,Years teaching,Q1. Why did you take a micro-credential?,Q2. Where is it recognised?,Submitted',
  'R01,Student,,"To show my employer a specific skill, quickly.",Only at my current employer,2026-03-01 10:02',
  'R02,Teacher,12,Curiosity about the format and how it is assessed.,,2026-03-01 11:40',
  'R03,Student,,My manager asked me to take it before the new project.,Across the sector as far as I know,2026-03-02 09:15',
].join('\n');

describe('importing through the dialog', () => {
  const app = useDemoApp();

  it('imports a transcript and a questionnaire, maps speakers, and shows the turns under the right participants', async () => {
    const { page } = app;
    const transcript = join(app.dir, 'Interview Dana.txt');
    const survey = join(app.dir, 'learner-survey.csv');
    writeFileSync(transcript, TRANSCRIPT);
    writeFileSync(survey, SURVEY);
    await expect.poll(() => page.locator('.project-name').textContent()).toContain('Northbridge');

    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import files' });
    await dialog.locator('input[type=file]').setInputFiles([transcript, survey]);
    const files = dialog.getByRole('listbox', { name: 'Files to import' });
    await expect.poll(() => files.getByRole('option').nth(0).textContent()).toContain('Interview · 6 turns · 3 speakers');
    await expect.poll(() => files.getByRole('option').nth(1).textContent()).toContain('Questionnaire · 3 respondents');

    // Speakers: the interviewer and Helena (participant PA, by first name) are recognised; Dana is new.
    await expect.poll(() => dialog.locator('.imp-tool').textContent()).toBe('Recognised layout: Descript ("[00:00:05] Name: …")');
    const who = (speaker: string) => dialog.getByLabel(`Who is ${speaker}`);
    expect(await who('Interviewer').inputValue()).toBe('interviewer');
    expect(await who('Helena').locator('option:checked').textContent()).toBe('PA — Helena Varga');
    expect(await who('Dana').inputValue()).toBe('new');
    await dialog.getByLabel('New participant label for Dana').fill('PD');
    await dialog.getByLabel('Name of Dana').fill('Dana Ruiz');
    expect(await dialog.locator('.imp-turns li').nth(2).textContent()).toMatch(/^DanaPD00:00:11Employers kept asking/);
    await app.screenshot('import-dialog-interview');

    // The questionnaire: respondent id, answers placed in scheme sections, a typed attribute.
    await files.getByRole('option', { name: /learner-survey\.csv/ }).click();
    expect(await dialog.getByLabel('Respondent id column').inputValue()).toBe('Respondent');
    expect(await dialog.getByLabel('Import Q1. Why did you take a micro-credential? as').inputValue()).toBe('answer');
    expect(await dialog.getByLabel('Import Submitted as').inputValue()).toBe('ignore');
    await dialog.getByLabel('Section of Q1. Why did you take a micro-credential?').selectOption({ label: 'Why' });
    await dialog.getByLabel('Section of Q2. Where is it recognised?').selectOption({ label: 'Where' });
    await dialog.getByLabel('Import Years teaching as').selectOption('attribute');
    await dialog.getByLabel('Type of Years teaching').selectOption('number');
    await expect.poll(() => dialog.locator('.imp-grid .imp-note').textContent()).toContain('3 respondents: 3 become new participants');
    await app.screenshot('import-dialog-questionnaire');

    await dialog.getByRole('button', { name: 'Import 2 files' }).click();
    const done = page.getByRole('dialog', { name: 'Import finished' });
    await expect.poll(() => done.textContent()).toContain('created participants PD, R01, R02, R03');
    expect(await done.textContent()).toContain('Questionnaire “learner-survey” · 5 answers · 3 new respondents · 2 new questions · 1 empty answer skipped');
    expect(await done.textContent()).toContain('Interview “Interview Dana” · 6 turns by 3 speakers');
    await app.screenshot('import-result');

    await done.getByRole('button', { name: 'Open “Interview Dana”' }).click();
    const turns = page.locator('.mg-block.mg-turn');
    await expect.poll(() => turns.count()).toBe(6);
    const heads = await turns.locator('.mg-head').allTextContents();
    expect(heads.map((h) => h.replace(/\d\d:\d\d:\d\d/, '').trim())).toEqual(['Interviewer', 'DanaPD', 'HelenaPA', 'Interviewer', 'DanaPD', 'HelenaPA']);
    expect(await page.locator('.mg-block.mg-turn.mg-interviewer').count()).toBe(2);
    expect(await turns.nth(1).locator('.mg-text').textContent()).toBe('Employers kept asking for shorter courses that prove one specific skill.\nWe also saw students stacking them towards a full degree.');
    await app.screenshot('import-workbench-turns');

    // The participants view lists the new participants and the respondents' attributes.
    await page.getByRole('button', { name: 'Participants' }).click();
    const rows = page.locator('table.data-table tbody tr');
    await expect.poll(() => rows.count()).toBe(7);
    expect(await rows.filter({ hasText: 'R02' }).textContent()).toContain('12');
    expect(await rows.filter({ hasText: 'PD' }).textContent()).toContain('Dana Ruiz');

    // One undo takes the whole import back.
    expect(await page.getByRole('button', { name: /^Undo Import 2 files/ }).count()).toBe(1);
  });

  it('opens the dialog for files dropped on the window and says what is wrong with a bad one', async () => {
    const { page } = app;
    await expect.poll(() => page.locator('.project-name').textContent()).toContain('Northbridge');
    const drop = async (files: { name: string; content: number[] | string }[]) => {
      const transfer = await page.evaluateHandle((list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)], f.name));
        return dt;
      }, files);
      await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
      await expect.poll(() => page.locator('.imp-drop').count()).toBe(1);
      await app.screenshot('import-drop-overlay');
      await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    };
    await drop([
      { name: 'notes.txt', content: 'We met in the library.\n\nShe described the review board.\n' },
      { name: 'photo.txt', content: Array.from({ length: 2000 }, (_, i) => (i * 37) % 256) },
    ]);
    const dialog = page.getByRole('dialog', { name: 'Import files' });
    const files = dialog.getByRole('listbox', { name: 'Files to import' });
    await expect.poll(() => files.getByRole('option').count()).toBe(2);
    expect(await page.locator('.imp-drop').count()).toBe(0);
    await expect.poll(() => files.getByRole('option').nth(0).textContent()).toContain('Document · 2 paragraphs');
    await files.getByRole('option', { name: /photo\.txt/ }).click();
    await expect.poll(() => dialog.getByRole('alert').first().textContent()).toContain('photo.txt does not look like a text file');
    await expect.poll(() => dialog.getByRole('alert').first().textContent()).toContain('Remove it to import the other file.');
    // The button counts what would be imported, and waits until the refused file is out.
    expect(await dialog.getByRole('button', { name: 'Import 1 file' }).isDisabled()).toBe(true);
    await app.screenshot('import-dialog-bad-file');

    await dialog.getByRole('button', { name: 'Remove the file that cannot be imported' }).click();
    await dialog.getByRole('button', { name: 'Import 1 file' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Import finished' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /^notes/ }).count()).toBe(1);

    // Every file refused: nothing offers to import anything, and one Escape closes the dialog.
    await drop([{ name: 'scan.txt', content: Array.from({ length: 2000 }, (_, i) => (i * 53) % 256) }]);
    await expect.poll(() => dialog.getByRole('alert').first().textContent()).toContain('scan.txt does not look like a text file');
    expect(await dialog.getByRole('alert').first().textContent()).toContain('Add other files, or close the dialog: nothing has been written to the project.');
    expect(await dialog.getByRole('button', { name: /that cannot be imported/ }).count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
