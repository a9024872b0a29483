import { expect, test } from '@playwright/test';
import { COMMUNITIES, expectNoAxeViolations, hasJavaScript, waitForHydration } from './support';

test('the home page lists the ten communities with their member counts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Comunità Tematiche dell'Emilia-Romagna");
  const cards = page.getByRole('list').filter({ has: page.getByRole('link', { name: 'Documenti', exact: true }) });
  await expect(cards.getByRole('listitem')).toHaveCount(10);
  for (const name of COMMUNITIES) {
    await expect(cards.getByRole('link', { name, exact: true })).toBeVisible();
  }
  // The demo accounts (and other tests) have joined: the counts are not known in advance.
  await expect(cards.getByText(/^(1 iscritto|\d+ iscritti)$/)).toHaveCount(10);
});

test('a community page opens from the home page', async ({ page }, testInfo) => {
  await page.goto('/');
  if (hasJavaScript(testInfo)) await waitForHydration(page);
  await page.getByRole('link', { name: 'Cybersecurity e Cloud', exact: true }).click();
  await expect(page).toHaveURL(/\/comunita\/cybersecurity-e-cloud$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cybersecurity e Cloud');
  for (const section of ['Missione', 'Temi', 'Obiettivi di lungo periodo', 'A chi si rivolge']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expect(page).toHaveTitle('Cybersecurity e Cloud · COMTem');
});

test('an unknown page answers 404 with a way home', async ({ page }) => {
  for (const path of ['/comunita/non-esiste', '/pagina-inesistente']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina non trovata');
    await expect(page.getByRole('link', { name: 'Torna alla pagina iniziale' })).toBeVisible();
  }
});

test('the skip link is the first stop and jumps to the content', async ({ page }) => {
  await page.goto('/comunita');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Vai al contenuto principale' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#contenuto$/);
});

test('pages fit a 320 px screen without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/', '/comunita', '/comunita/integrazioni-digitali']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

for (const path of ['/', '/comunita', '/comunita/digital-gender-gap', '/pagina-inesistente']) {
  test(`axe-core finds no violation on ${path}`, async ({ page }, testInfo) => {
    // axe-core is itself JavaScript; the JavaScript projects check the same server-rendered HTML.
    test.skip(!hasJavaScript(testInfo), 'axe-core needs JavaScript');
    await page.goto(path);
    await waitForHydration(page);
    await expectNoAxeViolations(page);
  });
}
