import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  adminStatePath,
  expectNoAxeViolations,
  hasJavaScript,
  newPerson,
  signUpConfirmed,
  submit,
  waitForHydration,
  type Person,
} from './support';

// These tests act as the demo admin, logged in once by the setup project.
test.use({ storageState: adminStatePath() });

/** No cookies: contexts made in a test otherwise start with the admin's session, and a signup
 * there would end it (a login replaces the session the request came with). */
const noSession = { cookies: [], origins: [] };

/** Signs `person` up in a separate, JavaScript-free browser context, and keeps it logged in. */
async function signUpElsewhere(browser: Browser, baseURL: string | undefined, person: Person) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: noSession });
  const page = await context.newPage();
  await signUpConfirmed(page, person, false);
  return page;
}

async function openAdmin(page: Page, js: boolean) {
  await page.goto('/amministrazione');
  if (js) await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Amministrazione');
}

test('the admin gives a referent role to a new member by email and takes it back', async ({ page, browser, baseURL }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const person = newPerson(testInfo, { communities: ['Dati'] });
  const member = await signUpElsewhere(browser, baseURL, person);
  await openAdmin(page, js);
  const roles = page.getByRole('region', { name: 'Ruoli', exact: true });
  await roles.getByLabel('Email di lavoro').fill(person.email.toUpperCase());
  await roles.getByLabel('Ruolo', { exact: true }).selectOption({ label: 'Referente' });
  await roles.getByLabel('Comunità (per coordinatori e referenti)').selectOption({ label: 'Dati' });
  await submit(page, roles.getByRole('button', { name: 'Assegna' }), js);

  const row = page.getByRole('table', { name: 'Persone con un ruolo' }).getByRole('row').filter({ hasText: person.email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Referente');
  await expect(row).toContainText(`${person.firstName} ${person.lastName}`);
  await member.goto('/comunita/dati');
  await expect(member.getByRole('region', { name: 'Chi la anima' })).toContainText(`${person.firstName} ${person.lastName}`);

  const revoke = row.getByRole('button', { name: `Revoca a ${person.firstName} ${person.lastName} il ruolo Referente` });
  await submit(page, revoke, js);
  await expect(row).toHaveCount(0);
  await member.reload();
  await expect(member.getByRole('region', { name: 'Chi la anima' })).not.toContainText(person.lastName);
  await member.context().close();
});

test('a body named at signup waits for the admin to confirm it', async ({ page, browser, baseURL }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const ente = `Servizio di prova ${Date.now().toString(36)}${testInfo.workerIndex} ${testInfo.project.name}`;
  const person = newPerson(testInfo, {
    ente,
    unlisted: { kind: 'Azienda di servizi alla persona (ASP)', province: 'Modena' },
  });
  const member = await signUpElsewhere(browser, baseURL, person);
  await expect(member.getByText(`${ente} (in attesa di verifica)`, { exact: true })).toBeVisible();

  await openAdmin(page, js);
  const pending = page.getByRole('region', { name: 'Enti da verificare' });
  const row = pending.getByRole('row').filter({ hasText: ente });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Azienda di servizi alla persona (ASP) · Modena');
  await submit(page, row.getByRole('button', { name: `Conferma ${ente} nel registro` }), js);
  await expect(row).toHaveCount(0);

  await member.reload();
  await expect(member.getByText(ente, { exact: true })).toBeVisible();
  await member.context().close();
});

test('a member cannot revoke somebody else\'s role by posting to the admin action', async ({ browser, baseURL }, testInfo) => {
  // The admin's page tells where the revoke action posts and what it sends.
  const admin = await browser.newContext({ baseURL, storageState: adminStatePath() });
  const adminPage = await admin.newPage();
  await adminPage.goto('/amministrazione');
  const label = 'Revoca a Elena Bertoni il ruolo Referente';
  const form = adminPage.getByRole('button', { name: label }).locator('xpath=ancestor::form[1]');
  const action = await form.getAttribute('action');
  const field = (name: string) => form.locator(`input[name="${name}"]`).getAttribute('value');
  const fields = { persona: (await field('persona'))!, ruolo: (await field('ruolo'))!, comunita: (await field('comunita'))! };
  expect(action).toMatch(/^\//);
  expect(fields.comunita).toBe('internet-of-things');

  // A plain member, logged in through the browser, sends the same request: from a page of the
  // site with fetch when JavaScript runs, else as a form post carrying the browser's cookie.
  const js = hasJavaScript(testInfo);
  const context = await browser.newContext({ baseURL, javaScriptEnabled: js, storageState: noSession });
  const member = await context.newPage();
  await signUpConfirmed(member, newPerson(testInfo, { communities: ['Internet of Things'] }), js);
  const { status, body } = js
    ? await member.evaluate(async ([url, form]) => {
        const answer = await fetch(url, { method: 'POST', body: new URLSearchParams(form) });
        return { status: answer.status, body: await answer.text() };
      }, [action!, fields] as const)
    : await member.request
        .post(action!, { form: fields, headers: { Origin: baseURL!, Referer: `${baseURL}/profilo` }, maxRedirects: 0 })
        .then(async (answer) => ({ status: answer.status(), body: await answer.text() }));
  // Refused as forbidden (the server answers 500 with the serialized error "Forbidden").
  expect(status, body).toBeGreaterThanOrEqual(400);
  expect(body).toContain('Forbidden');

  // The same post from another site is stopped before it reaches the action.
  const forged = await member.request.post(action!, { form: fields, headers: { Origin: 'https://evil.example' }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);

  // A visitor with no session is refused too.
  const anonymous = await browser.newContext({ baseURL, storageState: noSession });
  const visitor = await anonymous.request.post(action!, { form: fields, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(visitor.status()).toBeGreaterThanOrEqual(400);
  expect(await visitor.text()).toContain('LoginRequired');

  await adminPage.reload();
  await expect(adminPage.getByRole('button', { name: label })).toHaveCount(1);
  await Promise.all([admin.close(), context.close(), anonymous.close()]);
});

test('axe-core finds no violation on /amministrazione', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'axe-core needs JavaScript');
  await openAdmin(page, true);
  await expect(page.getByRole('table', { name: 'Persone con un ruolo' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the admin page fits a 320 px screen; wide tables scroll inside their box', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/amministrazione');
  await expect(page.getByRole('table', { name: 'Persone con un ruolo' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
