import { expect, test } from '@playwright/test';
import { hasJavaScript, waitForHydration } from './support';

test('the community filter narrows the list as you type, without reloading', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'needs the hydrated page');
  await page.goto('/comunita');
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const search = page.getByRole('searchbox', { name: 'Cerca una comunità' });
  await search.pressSequentially('DATI', { delay: 30 });
  await expect(page.getByRole('status')).toHaveText('3 comunità trovate.');
  await expect(page.getByRole('link', { name: 'Dati', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Imprese', exact: true })).toHaveCount(0);
  await search.fill('nessuna corrispondenza');
  await expect(page.getByRole('status')).toHaveText('Nessuna comunità corrisponde alla ricerca.');
  await search.fill('');
  await expect(page.getByRole('status')).toHaveText('10 comunità trovate.');
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(page.url()).not.toContain('?q=');
});

test('the community filter works with JavaScript off, through the form', async ({ page }, testInfo) => {
  test.skip(hasJavaScript(testInfo), 'the no-JavaScript path');
  await page.goto('/comunita');
  await page.getByRole('searchbox', { name: 'Cerca una comunità' }).fill('cloud');
  await page.getByRole('button', { name: 'Cerca' }).click();
  await expect(page).toHaveURL(/\?q=cloud$/);
  await expect(page.getByRole('status')).toHaveText('1 comunità trovata.');
  await expect(page.getByRole('link', { name: 'Cybersecurity e Cloud', exact: true })).toBeVisible();
});
