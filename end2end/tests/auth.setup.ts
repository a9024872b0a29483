import { expect, test as setup } from '@playwright/test';
import { adminStatePath, DEMO_PASSWORD, expectLoggedIn, logIn, waitForHydration } from './support';

// In order: the admin's session is saved first, and the cycle moves only after the check made
// in the cross-reading.
setup.describe.configure({ mode: 'serial' });

// Logins are throttled per account (8 per 15 minutes), so the demo admin logs in once for the
// whole run and the admin tests reuse the session.
setup('the demo admin logs in once for the run', async ({ page }) => {
  await logIn(page, 'admin@comtem.demo', DEMO_PASSWORD, true);
  await expectLoggedIn(page, 'Giulia');
  await page.context().storageState({ path: adminStatePath() });
});

// The demo cycle stands in the cross-reading, when nobody edits; the plan specs need the final
// re-reading, when leads edit their plan and members read it as before. The coordinator of
// Internet of Things logs in here only.
setup('in the cross-reading a coordinator reads every plan but edits none', async ({ page }) => {
  await logIn(page, 'coordinatore.internet-of-things@comtem.demo', DEMO_PASSWORD, true);
  await expectLoggedIn(page, 'Marco');
  await page.goto('/piani/2024/internet-of-things');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Internet of Things');
  await expect(page.getByRole('link', { name: 'Modifica il piano' })).toHaveCount(0);
  await page.goto('/piani/2024/internet-of-things/modifica');
  await expect(page.getByRole('main')).toContainText('Non puoi modificare questo piano nella fase «Lettura trasversale».');
  await expect(page.getByRole('textbox', { name: 'Titolo' })).toHaveCount(0);
  // Another community's plan is open to every lead in this phase.
  await page.goto('/piani/2024/dati');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dati');
});

setup('the admin moves the demo cycle to the final re-reading', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: adminStatePath() });
  const page = await context.newPage();
  await page.goto('/calendario');
  await waitForHydration(page);
  const cycle = page.getByRole('region', { name: 'Piani delle attività 2024' });
  await expect(cycle).toContainText('Fase attuale: Lettura trasversale');
  await expect(cycle).toContainText(/Scadenza: 14 maggio 2024 · Scadenza superata da \d+ giorni/);
  await page.getByRole('button', { name: 'Passa alla fase: Rilettura finale' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Fase aggiornata.' })).toBeVisible();
  await expect(cycle).toContainText('Fase attuale: Rilettura finale');
  await expect(cycle.getByRole('heading', { name: 'Rilettura finale (in corso)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Passa alla fase: Validazione' })).toBeVisible();
  await context.close();
});
