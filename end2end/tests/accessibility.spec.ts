import { expect, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  hasJavaScript,
  newPerson,
  signUpConfirmed,
  signUpButton,
  submitRefused,
  waitForHydration,
} from './support';

// axe-core is itself JavaScript; the JavaScript projects check the same server-rendered HTML.
const PAGES = ['/iscriviti', '/iscriviti?comunita=dati', '/accedi', '/accedi?inviato=1', '/privacy', '/iscriviti/fatto', '/iscriviti/conferma/link-di-prova', '/comunita/dati'];
for (const path of PAGES) {
  test(`axe-core finds no violation on ${path}`, async ({ page }, testInfo) => {
    test.skip(!hasJavaScript(testInfo), 'axe-core needs JavaScript');
    await page.goto(path);
    await waitForHydration(page);
    await expectNoAxeViolations(page);
  });
}

test('axe-core finds no violation on the signup form showing its errors', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'axe-core needs JavaScript');
  await page.goto('/iscriviti');
  await waitForHydration(page);
  await page.getByText('Il mio ente non è in elenco', { exact: true }).click();
  await page.getByRole('checkbox', { name: /^Il mio ente non è in elenco/ }).check();
  await submitRefused(page, signUpButton(page), true);
  await expect(page.getByRole('heading', { name: 'Il modulo contiene errori' })).toBeVisible();
  await expectNoAxeViolations(page);
  // And with the type-ahead open.
  await page.getByRole('checkbox', { name: /^Il mio ente non è in elenco/ }).uncheck();
  await page.getByRole('combobox', { name: 'Ente', exact: true }).pressSequentially('bologna', { delay: 20 });
  await expect(page.getByRole('listbox', { name: 'Ente', exact: true }).getByRole('option').first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Ente', exact: true }).press('ArrowDown');
  await expectNoAxeViolations(page);
});

test('axe-core finds no violation on /profilo', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'axe-core needs JavaScript');
  await signUpConfirmed(page, newPerson(testInfo), true);
  await expectNoAxeViolations(page);
  await page.goto('/profilo');
  await waitForHydration(page);
  await expect(page.getByRole('heading', { name: 'Le mie comunità' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the membership pages fit a 320 px screen without horizontal scrolling', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  for (const path of ['/iscriviti', '/accedi', '/privacy', '/iscriviti/fatto', '/iscriviti/conferma/link-di-prova', '/comunita/dati']) {
    await page.goto(path);
    expect(await overflow(), path).toBeLessThanOrEqual(0);
  }
  await signUpConfirmed(page, newPerson(testInfo, { firstName: 'Massimilianoalessandrogiovanni' }), hasJavaScript(testInfo));
  expect(await overflow(), '/profilo').toBeLessThanOrEqual(0);
});
