import { expect, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  hasJavaScript,
  newPerson,
  openPage,
  receivedMail,
  submit,
  signUpConfirmed,
  signUpButton,
  submitRefused,
  waitForHydration,
} from './support';

// axe-core is itself JavaScript; the JavaScript projects check the same server-rendered HTML.
const PAGES = ['/iscriviti', '/iscriviti?comunita=dati', '/accedi', '/accedi?inviato=1', '/privacy', '/accessibilita', '/note-legali', '/iscriviti/fatto', '/iscriviti/conferma/link-di-prova', '/comunita/dati'];
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

test('anyone reports an accessibility problem from the statement and is told it arrived', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  await openPage(page, '/', js);
  await page.getByRole('navigation', { name: 'Informazioni sul sito' }).getByRole('link', { name: 'Dichiarazione di accessibilità' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dichiarazione di accessibilità');
  if (js) await waitForHydration(page);
  const form = page.getByRole('region', { name: 'Segnala un problema di accessibilità' });
  await submit(page, form.getByRole('button', { name: 'Invia la segnalazione' }), js);
  await expect(page.getByRole('heading', { name: 'Il modulo contiene errori' })).toBeVisible();
  if (js) await expectNoAxeViolations(page);
  const message = `Il grafico di /numeri ${Date.now().toString(36)} <script>alert(1)</script>`;
  await form.getByLabel('Nome e cognome').fill("Nicolò D'Alì");
  await form.getByLabel('Email').fill('nicolo.dali@comune.it');
  await form.getByLabel('Il problema').fill(message);
  await submit(page, form.getByRole('button', { name: 'Invia la segnalazione' }), js);
  await expect(page.getByRole('status')).toContainText('Grazie: la segnalazione è arrivata');
  await expect(page).toHaveURL(/\/accessibilita\?inviata=1$/);
  // It reached regional staff, to whom the demo's admin answers by replying.
  await expect
    .poll(() => receivedMail('admin@comtem.demo').find((mail) => mail.text?.includes(message))?.reply_to)
    .toBe('nicolo.dali@comune.it');
});
