import { test as setup } from '@playwright/test';
import { adminStatePath, DEMO_PASSWORD, expectLoggedIn, logIn } from './support';

// Logins are throttled per account (8 per 15 minutes), so the demo admin logs in once for the
// whole run and the admin tests reuse the session.
setup('the demo admin logs in once for the run', async ({ page }) => {
  await logIn(page, 'admin@comtem.demo', DEMO_PASSWORD, true);
  await expectLoggedIn(page, 'Giulia');
  await page.context().storageState({ path: adminStatePath() });
});
