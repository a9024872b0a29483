import { expect, test, type Page } from '@playwright/test';
import { adminStatePath, expectNoAxeViolations, hasJavaScript, openPage } from './support';

// The demo admin, logged in once by the setup project: that login is in the log.
test.use({ storageState: adminStatePath() });

const logTable = (page: Page) =>
  page.getByRole('table', { name: /^Attività registrate, dalla più recente/ });

test('the admin reaches the audit log from /amministrazione and filters it', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  await openPage(page, '/amministrazione', js);
  await page.getByRole('link', { name: 'Registro delle attività' }).click();
  await expect(page).toHaveURL(/\/amministrazione\/registro$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registro delle attività');
  await expect(logTable(page)).toBeVisible();
  if (js) await expectNoAxeViolations(page);

  // The filters are a GET form: the same address works with and without JavaScript.
  const filters = page.getByRole('region', { name: 'Filtra il registro' });
  await filters.getByLabel('Attività').selectOption({ label: 'Accesso' });
  await filters.getByLabel('Chi').fill('admin@comtem.demo');
  await filters.getByRole('button', { name: 'Filtra' }).click();
  await expect(page).toHaveURL(/azione=accesso/);
  await expect(page).toHaveURL(/chi=admin%40comtem.demo/);
  const rows = logTable(page).getByRole('row').filter({ hasText: 'Accesso' });
  await expect(rows.first()).toBeVisible();
  await expect(logTable(page).getByRole('row').filter({ hasText: 'Ruolo assegnato' })).toHaveCount(0);
  await expect(filters.getByLabel('Attività')).toHaveValue('accesso');
  if (js) await expectNoAxeViolations(page);

  // The export carries the same filters.
  const csv = page.getByRole('link', { name: 'Scarica in CSV (con questi filtri)' });
  await expect(csv).toHaveAttribute('href', /^\/amministrazione\/registro\.csv\?azione=accesso&chi=admin%40comtem\.demo$/);
  const response = await page.request.get((await csv.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  const lines = (await response.text()).trim().split('\r\n');
  expect(lines[0]).toBe('"numero","quando","azione","chi_id","chi","oggetto","oggetto_nome","prima","dopo","indirizzo"');
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((line) => line.includes('"accesso"'))).toBe(true);

  // Days with nothing recorded show an empty log, not an error.
  await filters.getByLabel('Dal giorno', { exact: true }).fill('2000-01-01');
  await filters.getByLabel('Al giorno', { exact: true }).fill('2000-01-31');
  await filters.getByRole('button', { name: 'Filtra' }).click();
  await expect(page.getByText('Nessuna attività registrata con questi filtri.')).toBeVisible();
  await page.getByRole('link', { name: 'Togli i filtri' }).click();
  await expect(logTable(page)).toBeVisible();
});

test('someone without the admin role cannot read the audit log', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/amministrazione/registro');
  await expect(page.getByRole('table')).toHaveCount(0);
  const csv = await page.request.get('/amministrazione/registro.csv');
  expect(csv.status()).toBe(401);
  await context.close();
});
