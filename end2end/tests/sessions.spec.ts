import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  expectLoggedIn,
  expectNoAxeViolations,
  hasJavaScript,
  logIn,
  mainNav,
  newPerson,
  signUpConfirmed,
  submit,
  waitForHydration,
} from './support';

/** A second browser with its own cookies, which says it is Firefox on Linux (the projects' own
 * browsers say Chrome on Windows or Android), with JavaScript as the project has it. */
async function otherBrowser(browser: Browser, baseURL: string | undefined, js: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: js, userAgent: FIREFOX_LINUX });
  return context.newPage();
}

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

const passwordSection = (page: Page) => page.getByRole('region', { name: 'Password', exact: true });
const sessionsSection = (page: Page) => page.getByRole('region', { name: "Dove hai effettuato l'accesso" });

/** Opens /profilo in `page` and expects to be asked to log in. */
async function expectLoggedOut(page: Page) {
  await page.goto('/profilo');
  await expect(page.getByText('Per vedere questa pagina devi accedere.')).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Accedi', exact: true })).toBeVisible();
}

test('changing the password needs the current one and logs the other browser out', async ({ page, browser, baseURL }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const person = newPerson(testInfo);
  await signUpConfirmed(page, person, js);
  // Logged in by password (a login by link in the last 10 minutes needs no current password).
  await logIn(page, person.email, person.password!, js);
  const other = await otherBrowser(browser, baseURL, js);
  await logIn(other, person.email, person.password!, js);
  await expect(other).toHaveURL(/\/profilo$/);

  await page.goto('/profilo');
  if (js) await waitForHydration(page);
  const form = passwordSection(page);
  await form.getByLabel('Password attuale').fill('non è quella giusta');
  await form.getByLabel('Nuova password').fill('una nuova frase segreta');
  await submit(page, form.getByRole('button', { name: 'Cambia password' }), js);
  await expect(form.getByLabel('Password attuale')).toHaveAccessibleDescription(/La password attuale non è corretta\.$/);

  // A refused change changes nothing: the other browser is still logged in.
  await other.goto('/profilo');
  await expectLoggedIn(other, person.firstName);

  await form.getByLabel('Password attuale').fill(person.password!);
  await form.getByLabel('Nuova password').fill('una nuova frase segreta');
  await submit(page, form.getByRole('button', { name: 'Cambia password' }), js);
  if (js) await expect(form.getByRole('status')).toHaveText('Password aggiornata. Le altre sessioni sono state chiuse.');
  await page.goto('/profilo');
  await expectLoggedIn(page, person.firstName);
  await expectLoggedOut(other);
  await other.context().close();
});

test('a session ended from the list logs that browser out', async ({ page, browser, baseURL }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const person = newPerson(testInfo);
  await signUpConfirmed(page, person, js);
  const other = await otherBrowser(browser, baseURL, js);
  await logIn(other, person.email, person.password!, js);
  await expect(other).toHaveURL(/\/profilo$/);

  await page.goto('/profilo');
  if (js) await waitForHydration(page);
  const list = sessionsSection(page);
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').filter({ hasText: 'questo dispositivo' })).toHaveCount(1);
  const otherRow = list.getByRole('listitem').filter({ hasText: 'Firefox su Linux' });
  await expect(otherRow).toContainText('rete');
  await expect(otherRow).not.toContainText('questo dispositivo');
  await submit(page, otherRow.getByRole('button', { name: /^Chiudi la sessione Firefox su Linux/ }), js);
  await page.goto('/profilo');
  await expect(sessionsSection(page).getByRole('listitem')).toHaveCount(1);
  await expectLoggedIn(page, person.firstName);
  await expectLoggedOut(other);

  if (js) {
    await page.goto('/profilo');
    await waitForHydration(page);
    await expectNoAxeViolations(page);
  }
  await other.context().close();
});

test('the profile starts as the server rendered it, though a login elsewhere changed its sessions meanwhile', async ({ page, browser, baseURL }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), "the page's code");
  const person = newPerson(testInfo);
  await signUpConfirmed(page, person, true);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // The page's code waits until a second login has changed the list of sessions.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pkg/comtem.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/profilo');
  const rendered = await sessionsSection(page).getByRole('listitem').count();
  const other = await otherBrowser(browser, baseURL, true);
  await logIn(other, person.email, person.password!, true);
  await expect(other).toHaveURL(/\/profilo$/);
  release();
  await waitForHydration(page);

  await expect(sessionsSection(page).getByRole('listitem')).toHaveCount(rendered);
  await page.getByRole('link', { name: 'Leggi i miei dati' }).click();
  await expect(page).toHaveURL(/\/profilo\/dati$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('I miei dati');
  expect(errors.filter((error) => /panicked|unreachable/.test(error))).toEqual([]);
  await other.context().close();
});
