import { readFileSync } from 'node:fs';
import { test, expect, readDownload } from './fixtures';
import { FILE_KINDS, GENERAL_RULES, KINDS } from '../../src/domain/contract';
import { GLOSSARY } from '../../src/domain/glossary';

test('the help screen lists every kind, column, alias and vocabulary from the contract', async ({ page, axe }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Help', exact: true }).click();
  await expect(page).toHaveURL(/#\/help$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
  for (const kind of KINDS) {
    const spec = FILE_KINDS[kind];
    const table = page.getByRole('table', { name: `Columns of ${spec.fileName}` });
    await expect(table).toBeVisible();
    for (const field of spec.fields) {
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: field.name, exact: true }) });
      await expect(row).toHaveCount(1);
      for (const alias of field.aliases ?? []) await expect(row).toContainText(alias);
      for (const term of field.vocab?.terms ?? []) await expect(row).toContainText(term.code);
    }
  }
  const incidents = page.getByRole('table', { name: 'Columns of incidents.csv' });
  const rowOf = (name: string) =>
    incidents.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(rowOf('case_id')).toContainText('client_id, person_ref, pseudonym_id, person_id, victim_ref');
  await expect(rowOf('date')).toContainText('incident_date, event_date');
  await expect(page.getByRole('table', { name: 'Accepted date forms' })).toContainText('41715');
  for (const entry of GLOSSARY) await expect(page.getByText(entry.term, { exact: true })).toBeVisible();
  await axe();
});

test('each template downloads and imports cleanly as its kind', async ({ page }) => {
  await page.goto('/#/help');
  const files: { name: string; buffer: Buffer; mimeType: string }[] = [];
  for (const kind of KINDS) {
    const spec = FILE_KINDS[kind];
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: `Download template ${spec.fileName}` }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(spec.fileName);
    const chunks = await (await download.createReadStream()).toArray();
    const buffer = Buffer.concat(chunks);
    expect(buffer.toString('utf8').split('\r\n')[0]).toContain('case_id');
    files.push({ name: spec.fileName, buffer, mimeType: 'text/csv' });
  }
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await page.getByLabel('Import case files').setInputFiles(files);
  const report = page.getByRole('table', { name: 'Import report' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  for (const kind of KINDS) {
    const row = report.getByRole('row').filter({ has: page.getByRole('rowheader', { name: FILE_KINDS[kind].fileName }) });
    await expect(row.getByRole('cell').nth(0)).toHaveText(FILE_KINDS[kind].title);
    await expect(row.getByRole('cell').nth(1)).toHaveText('1');
    await expect(row.getByRole('cell').nth(2)).toHaveText('0');
  }
});

test('a help section is reachable by its own URL and by keyboard', async ({ page }) => {
  await page.goto('/#/help/incidents');
  await expect(page.getByRole('heading', { name: 'Police incidents (incidents.csv)' })).toBeInViewport();
  await page.goto('/');
  const help = page.getByRole('link', { name: 'Help', exact: true });
  for (let i = 0; i < 10 && !(await help.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(help).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
});

test('the data contract downloads as Markdown, exactly as committed in docs/', async ({ page, axe }) => {
  const committed = readFileSync(new URL('../../docs/data-contract.md', import.meta.url), 'utf8');
  await page.goto('/#/help');
  await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
  await expect(page.getByText('docs/data-contract.md', { exact: true })).toBeVisible();
  const rules = page.getByRole('region', { name: 'General rules' });
  for (const rule of GENERAL_RULES) if (rule.title) await expect(rules.getByText(rule.title, { exact: true })).toBeVisible();
  await expect(rules).toContainText('Its aliases (client_id, person_ref, pseudonym_id, person_id, victim_ref) are accepted in every kind of file.');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the data contract (Markdown)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('data-contract.md');
  expect(await readDownload(download)).toBe(committed);
  await axe();
});
