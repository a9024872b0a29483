import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, hasJavaScript, newPerson, signUpConfirmed, waitForHydration } from './support';

const REPORT = '/numeri?al=2024-05-06';

/** The four totals at the top of the page, by label. */
const total = (page: Page, label: string) =>
  page.getByRole('list').filter({ hasText: 'Enti rappresentati' }).getByRole('listitem').filter({ hasText: label });

/** A chart's section, by its heading. */
const section = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

test('the figures of 6 May 2024 are the report\'s, in totals, charts and tables', async ({ page }) => {
  const response = await page.goto(REPORT);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('I numeri COMTem');
  await expect(page.getByRole('heading', { name: 'Dati al 6 maggio 2024' })).toBeVisible();
  await expect(total(page, 'Iscrizioni')).toContainText('1.216');
  await expect(total(page, 'Enti rappresentati')).toContainText('522');
  await expect(total(page, 'Persone da altri enti')).toContainText('83');

  // The chart draws every community with its value, largest first.
  const communities = section(page, 'Iscrizioni per comunità');
  const chart = communities.getByRole('img');
  await expect(chart).toHaveAccessibleName(/Iscrizioni per comunità/);
  await expect(chart.locator('text.chart-label')).toHaveText([
    'Documenti', 'Cybersecurity e Cloud', 'Cittadini', /.+/, /.+/, /.+/, /.+/, /.+/, /.+/, /.+/,
  ]);
  await expect(chart.locator('text.chart-value').first()).toHaveText('176');

  // Its table holds the same figures.
  await communities.getByText('Dati del grafico in tabella').click();
  const table = communities.getByRole('table', { name: 'Iscrizioni per comunità' });
  await expect(table.getByRole('row', { name: 'Documenti 176' })).toBeVisible();
  await expect(table.getByRole('row', { name: 'Cybersecurity e Cloud 162' })).toBeVisible();
  await expect(table.getByRole('row', { name: 'Cittadini 154' })).toBeVisible();

  const provinces = section(page, "Iscrizioni per provincia dell'ente").locator('text.chart-label');
  await expect(provinces.nth(0)).toHaveText('Bologna');
  await expect(provinces.nth(1)).toHaveText('Ravenna');
  await expect(provinces.nth(2)).toHaveText('Modena');
  await expect(provinces.nth(3)).toHaveText('Forlì-Cesena');

  await expect(page.getByRole('link', { name: 'Scarica JSON' })).toHaveAttribute('href', '/api/v1/numeri.json?al=2024-05-06');
  await expect(page.getByRole('link', { name: 'Scarica CSV' })).toHaveAttribute('href', '/api/v1/numeri.csv?al=2024-05-06');
});

test('every figure shows inside the screen, with no sideways scrolling', async ({ page }) => {
  await page.goto(REPORT);
  const width = page.viewportSize()!.width;
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const details of await page.locator('details.chart-data > summary').all()) await details.click();
  // Every value drawn in a chart, and every table cell, is within the screen's width.
  const boxes = await page
    .locator('text.chart-value, text.chart-label, .totals li, td.num')
    .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect()).map((b) => [b.left, b.right, b.width]));
  expect(boxes.length).toBeGreaterThan(40);
  const outside = boxes.filter(([left, right, w]) => w === 0 || left < 0 || right > width + 0.5);
  expect(outside).toEqual([]);
});

test('the day changes without reloading the page once hydrated', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'without JavaScript the form loads a new page (checked below)');
  await page.goto(REPORT);
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { kept: string }).kept = 'same page'));
  await page.getByLabel('Data di riferimento').fill('2024-04-10');
  await page.getByRole('button', { name: 'Mostra' }).click();
  await expect(page).toHaveURL(/\/numeri\?al=2024-04-10$/);
  const heading = page.getByRole('heading', { name: 'Dati al 10 aprile 2024' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { kept?: string }).kept)).toBe('same page');
  const signups = Number((await total(page, 'Iscrizioni').locator('.total-value').innerText()).replace('.', ''));
  expect(signups).toBeGreaterThan(0);
  expect(signups).toBeLessThan(1216);
});

test('without JavaScript the day form loads the figures of that day', async ({ page }, testInfo) => {
  test.skip(hasJavaScript(testInfo), 'the JavaScript projects navigate in place (checked above)');
  await page.goto('/numeri');
  await page.getByLabel('Data di riferimento').fill('2024-05-06');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Mostra' }).click()]);
  await expect(page.getByRole('heading', { name: 'Dati al 6 maggio 2024' })).toBeVisible();
  await expect(total(page, 'Iscrizioni')).toContainText('1.216');
});

test('an impossible day is refused with 400 and a message tied to the field', async ({ page }) => {
  const response = await page.goto('/numeri?al=2024-02-30');
  expect(response?.status()).toBe(400);
  const field = page.getByLabel('Data di riferimento');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Questa data non esiste nel calendario/);
});

test('a signup made in the browser counts today, not on 6 May 2024', async ({ page, request }, testInfo) => {
  const today = async () => (await (await request.get('/api/v1/numeri.json')).json()).iscrizioni as number;
  const report = async () => (await (await request.get('/api/v1/numeri.json?al=2024-05-06')).json()).iscrizioni;
  const before = await today();
  await signUpConfirmed(page, newPerson(testInfo), hasJavaScript(testInfo));
  // Other tests sign people up at the same time: today grows by at least this person's two.
  expect(await today()).toBeGreaterThanOrEqual(before + 2);
  expect(await report()).toBe(1216);
  await page.goto('/numeri');
  const shown = Number((await total(page, 'Iscrizioni').locator('.total-value').innerText()).replace(/\./g, ''));
  expect(shown).toBeGreaterThanOrEqual(before + 2);
});

for (const path of [REPORT, '/numeri?al=2024-02-30']) {
  test(`axe-core finds no violation on ${path}`, async ({ page }, testInfo) => {
    test.skip(!hasJavaScript(testInfo), 'axe-core needs JavaScript');
    await page.goto(path);
    await waitForHydration(page);
    for (const details of await page.locator('details.chart-data > summary').all()) await details.click();
    await expectNoAxeViolations(page);
  });
}
