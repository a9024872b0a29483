import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, hasJavaScript, logInDemo } from './support';

const section = (page: import('@playwright/test').Page, name: string) =>
  page.getByRole('region', { name, exact: true });

test('a coordinator reads everything COMTem keeps about them and what they wrote', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  await logInDemo(page, 'coordinatore.documenti@comtem.demo', js);
  await page.getByRole('link', { name: 'Leggi i miei dati' }).click();
  await expect(page).toHaveURL(/\/profilo\/dati$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('I miei dati');
  await expect(section(page, 'Account').getByText('coordinatore.documenti@comtem.demo')).toBeVisible();
  await expect(section(page, 'Comunità').getByRole('listitem').filter({ hasText: 'Documenti' }).first()).toBeVisible();
  await expect(section(page, 'Ruoli').getByRole('listitem').first()).toContainText('Documenti');
  // The demo board: the coordinator of Documenti proposed a synergy and answered in a thread.
  await expect(section(page, 'Annotazioni').getByRole('listitem').first()).toContainText('sul piano 2024 di');
  await expect(section(page, 'Risposte').getByRole('listitem').first()).toBeVisible();
  await expect(section(page, 'Notizie che hai creato').getByText('Nessun elemento.')).toBeVisible();
  if (js) await expectNoAxeViolations(page);

  const download = page.getByRole('link', { name: 'Scarica i miei dati (JSON)' });
  const response = await page.request.get((await download.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  const data = await response.json();
  expect(data.profilo.email).toBe('coordinatore.documenti@comtem.demo');
  expect(data.annotazioni.length).toBeGreaterThan(0);

  await page.getByRole('link', { name: 'Torna al profilo' }).click();
  await expect(page).toHaveURL(/\/profilo$/);
});

test('a visitor is asked to log in to read personal data', async ({ page }) => {
  await page.goto('/profilo/dati');
  await expect(page).toHaveTitle(/^I miei dati · /);
  await expect(page.getByText('Per vedere questa pagina devi accedere.')).toBeVisible();
});
