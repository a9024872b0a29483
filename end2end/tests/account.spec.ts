import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  expectLoggedIn,
  hasJavaScript,
  logIn,
  mainNav,
  newPerson,
  passwordForm,
  readLoginLink,
  signUpConfirmed,
  submit,
  waitForHydration,
} from './support';

test('a demo member logs in and out, and the header follows', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  await page.goto('/');
  await expect(mainNav(page).getByRole('link', { name: 'Accedi', exact: true })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Iscriviti', exact: true })).toBeVisible();

  await logIn(page, 'maria.esposito@comtem.demo', DEMO_PASSWORD, js);
  await expect(page).toHaveURL(/\/profilo$/);
  await expectLoggedIn(page, 'Maria');
  await expect(mainNav(page).getByRole('link', { name: 'Accedi', exact: true })).toHaveCount(0);
  await expect(mainNav(page).getByRole('link', { name: 'Amministrazione' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lascia Cittadini', exact: true })).toBeVisible();

  await submit(page, mainNav(page).getByRole('button', { name: 'Esci' }), js);
  await expect(page).toHaveURL(/\/$/);
  await expect(mainNav(page).getByRole('link', { name: 'Accedi', exact: true })).toBeVisible();
  await expect(mainNav(page).getByRole('button', { name: 'Esci' })).toHaveCount(0);
  await page.goto('/profilo');
  await expect(page.getByText('Per vedere questa pagina devi accedere.')).toBeVisible();
});

test('a wrong password is refused without saying which part was wrong', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  // An account of its own: eight wrong passwords in 15 minutes lock an account, and repeated
  // runs of this test would lock a shared one.
  const person = newPerson(testInfo);
  await signUpConfirmed(page, person, js);
  await page.context().clearCookies();
  for (const email of [person.email, `nessuno.${Date.now()}@comune.esempio.it`]) {
    await logIn(page, email, 'non è la password giusta', js);
    await expect(passwordForm(page).getByRole('alert')).toHaveText('Email o password non corrette.');
    await expect(page).toHaveURL(/\/accedi/);
    await expect(mainNav(page).getByRole('link', { name: 'Accedi', exact: true })).toBeVisible();
  }
});

test('repeated wrong passwords for one account are throttled', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const person = newPerson(testInfo);
  await signUpConfirmed(page, person, js);
  await page.context().clearCookies();
  await page.goto('/accedi');
  if (js) await waitForHydration(page);
  const form = passwordForm(page);
  const alert = form.getByRole('alert');
  // Eight attempts in 15 minutes are allowed; the ninth is refused, even with the right password.
  for (let attempt = 1; attempt <= 8; attempt += 1) {
    await form.getByLabel('Email di lavoro').fill(person.email);
    await form.getByLabel('Password').fill(`sbagliata numero ${attempt}`);
    await submit(page, form.getByRole('button', { name: 'Accedi' }), js);
    await expect(alert).toHaveText('Email o password non corrette.');
  }
  await form.getByLabel('Email di lavoro').fill(person.email);
  await form.getByLabel('Password').fill(person.password!);
  await submit(page, form.getByRole('button', { name: 'Accedi' }), js);
  await expect(alert).toHaveText(/^Troppi tentativi\. Riprova tra (un minuto|\d+ minuti)\.$/);
  await expect(page).toHaveURL(/\/accedi/);
});

test('a login link sent by email logs in once', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const person = newPerson(testInfo);
  await signUpConfirmed(page, person, js);
  await page.context().clearCookies();

  await page.goto('/accedi');
  if (js) await waitForHydration(page);
  const linkForm = page.getByRole('region', { name: 'Con un link via email' });
  await linkForm.getByLabel('Email di lavoro').fill(person.email.toUpperCase());
  await submit(page, linkForm.getByRole('button', { name: 'Inviami il link' }), js);
  await expect(page).toHaveURL(/\/accedi\?inviato=1$/);
  await expect(page.getByRole('status')).toHaveText(
    "Se l'indirizzo è iscritto, riceverai a breve un link di accesso. Controlla la posta.",
  );

  const link = await readLoginLink(person.email);
  expect(link.startsWith(`${testInfo.project.use.baseURL}/accedi/link/`)).toBe(true);
  await page.goto(link);
  if (js) await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accesso con link');
  await submit(page, page.getByRole('button', { name: 'Accedi a COMTem' }), js);
  await expect(page).toHaveURL(/\/profilo$/);
  await expectLoggedIn(page, person.firstName);

  // The link works only once.
  await page.context().clearCookies();
  await page.goto(link);
  if (js) await waitForHydration(page);
  await submit(page, page.getByRole('button', { name: 'Accedi a COMTem' }), js);
  await expect(page.getByRole('alert')).toHaveText('Il link di accesso non è valido o è scaduto. Chiedine uno nuovo.');
  await expect(mainNav(page).getByRole('link', { name: 'Accedi', exact: true })).toBeVisible();
});

test('on the profile one leaves and joins communities, downloads the data and deletes the account', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const person = newPerson(testInfo, { communities: ['Dati', 'Documenti'] });
  await signUpConfirmed(page, person, js);

  await submit(page, page.getByRole('button', { name: 'Lascia Dati', exact: true }), js);
  await expect(page.getByRole('button', { name: 'Iscriviti a Dati', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lascia Dati', exact: true })).toHaveCount(0);
  await submit(page, page.getByRole('button', { name: 'Iscriviti a Imprese', exact: true }), js);
  await expect(page.getByRole('button', { name: 'Lascia Imprese', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Lascia / })).toHaveCount(2);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Scarica i miei dati' }).click(),
  ]);
  const data = readFileSync((await download.path())!, 'utf8');
  expect(() => JSON.parse(data)).not.toThrow();
  expect(data).toContain(person.email);
  expect(data).toContain(person.lastName);

  // Deleting needs the confirmation box.
  const remove = page.getByRole('button', { name: 'Elimina il mio account' });
  await submit(page, remove, js);
  await expect(page.getByRole('checkbox', { name: 'Confermo di voler eliminare il mio account' })).toHaveAccessibleDescription(
    'Conferma spuntando la casella.',
  );
  await page.getByRole('checkbox', { name: 'Confermo di voler eliminare il mio account' }).check();
  await submit(page, remove, js);
  await expect(page).toHaveURL(/\/\?account=eliminato$/);
  await expect(mainNav(page).getByRole('link', { name: 'Accedi', exact: true })).toBeVisible();

  await logIn(page, person.email, person.password!, js);
  await expect(passwordForm(page).getByRole('alert')).toHaveText('Email o password non corrette.');
  const gone = await page.request.get('/profilo/dati.json');
  expect(gone.status()).toBe(401);
});
