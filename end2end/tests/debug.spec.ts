import { test } from '@playwright/test';
import { adminStatePath } from './support';
test.use({ storageState: adminStatePath() });
test('debug', async ({ page, context }) => {
  console.log('path', adminStatePath(), JSON.stringify(await context.cookies()));
  const r = await page.request.get('/profilo/dati.json');
  console.log('dati', r.status(), (await r.text()).slice(0, 200));
  await page.goto('/profilo');
  console.log((await page.locator('main').innerText()).slice(0, 300));
});
