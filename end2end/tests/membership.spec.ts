import { expect, test, type Page } from '@playwright/test';
import {
  confirmSignUp,
  expectLoggedIn,
  expectNoAxeViolations,
  fillSignUp,
  hasJavaScript,
  logIn,
  newPerson,
  signUp,
  signUpButton,
  signUpConfirmed,
  submit,
  submitRefused,
  waitForHydration,
} from './support';

/** The buttons of the communities the person belongs to, on /profilo. */
const leaveButtons = (page: Page) => page.getByRole('button', { name: /^Lascia / });

test('a new person signs up with a password, confirms from the mail and lands on the profile', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const person = newPerson(testInfo, { communities: ['Dati', 'Documenti'] });
  await page.goto('/iscriviti');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iscriviti');
  if (js) {
    await waitForHydration(page);
    await fillSignUp(page, { ...person, ente: '' }, js);
    // The type-ahead, with the keyboard only: type, move to the first suggestion, pick it.
    const ente = page.getByRole('combobox', { name: 'Ente', exact: true });
    await ente.pressSequentially('castel san', { delay: 20 });
    const suggestions = page.getByRole('listbox', { name: 'Ente', exact: true });
    await expect(suggestions.getByRole('option').first()).toBeVisible();
    await expect(ente).toHaveAttribute('aria-expanded', 'true');
    await ente.press('ArrowDown');
    await expect(suggestions.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await expect(ente).toHaveAttribute('aria-activedescendant', /.+/);
    await ente.press('Enter');
    await expect(suggestions).toBeHidden();
    await expect(ente).toHaveAttribute('aria-expanded', 'false');
    await expect(ente).toHaveValue('Castel San Giovanni');
    await expect(page).toHaveURL(/\/iscriviti$/);
    person.ente = 'Castel San Giovanni';
  } else {
    await fillSignUp(page, person, js);
  }
  await submit(page, signUpButton(page), js);

  // Check your mail: the password does not work until the address is confirmed.
  await expect(page).toHaveURL(/\/iscriviti\/fatto$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controlla la posta');
  await expect(page.getByRole('status')).toHaveText('Ti abbiamo scritto: apri il link per confermare.');
  await logIn(page, person.email, person.password!, js);
  await expect(page.getByText('Email o password non corrette.')).toBeVisible();

  await confirmSignUp(page, person.email, js);
  await expect(page).toHaveURL(/\/profilo\?benvenuto=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Benvenuta, benvenuto!' })).toBeVisible();
  await expectLoggedIn(page, person.firstName);
  await expect(page.getByText(person.email.toLowerCase(), { exact: true })).toBeVisible();
  await expect(page.getByText(person.ente, { exact: true })).toBeVisible();
  await expect(leaveButtons(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Lascia Dati', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lascia Documenti', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Iscriviti a Cittadini', exact: true })).toBeVisible();
});

test('signing up again with the same email adds the missing community once the owner confirms', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const person = newPerson(testInfo, { communities: ['Imprese', 'Cittadini'] });
  await signUpConfirmed(page, person, js);
  await page.context().clearCookies();

  // Same address, other case and surrounding spaces; one community already held, one new. The
  // answer is the one every address gets, and nothing changes yet.
  const again = { ...person, email: `  ${person.email.toUpperCase()}  `, communities: ['Cittadini', 'Documenti'], password: undefined };
  await signUp(page, again, js);
  await expect(page).toHaveURL(/\/iscriviti\/fatto$/);
  await expect(page.getByRole('status')).toHaveText('Ti abbiamo scritto: apri il link per confermare.');
  await logIn(page, person.email, person.password!, js);
  await expect(page).toHaveURL(/\/profilo$/);
  await expect(leaveButtons(page)).toHaveCount(2);

  // The owner's second mail lists the community asked for; confirming adds it.
  await confirmSignUp(page, person.email, js, 2);
  await expect(page).toHaveURL(/\/profilo$/);
  await expect(leaveButtons(page)).toHaveCount(3);
  for (const name of ['Imprese', 'Cittadini', 'Documenti']) {
    await expect(page.getByRole('button', { name: `Lascia ${name}`, exact: true })).toBeVisible();
  }
});

test('signing up while logged in keeps the session and says how to go on', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const person = newPerson(testInfo, { communities: ['Dati'] });
  await signUpConfirmed(page, person, js);
  await page.goto('/iscriviti');
  await expect(page.getByRole('status').filter({ hasText: "Hai già effettuato l'accesso come Anna" })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Vai al tuo profilo' })).toHaveAttribute('href', '/profilo');
  if (js) {
    await waitForHydration(page);
    await expectNoAxeViolations(page);
  }
  await signUp(page, newPerson(testInfo, { firstName: 'Bruno' }), js);
  await expect(page.getByText("Hai già effettuato l'accesso: per unirti ad altre comunità").first()).toBeVisible();
  await page.goto('/profilo');
  await expectLoggedIn(page, person.firstName);
});

test('an empty signup form shows every problem next to its field and in the summary', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  await page.goto('/iscriviti');
  if (js) await waitForHydration(page);
  await submitRefused(page, signUpButton(page), js);

  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Il modulo contiene errori' }) });
  await expect(summary).toBeVisible();
  const problems: [string, string][] = [
    ['Nome', 'Campo obbligatorio.'],
    ['Cognome', 'Campo obbligatorio.'],
    ['Email di lavoro', 'Campo obbligatorio.'],
    ['Ruolo o incarico', 'Campo obbligatorio.'],
    ['Ente', 'Campo obbligatorio.'],
    ['Comunità a cui iscriverti', 'Scegli almeno una comunità.'],
    ["l'informativa privacy", "Per iscriverti devi accettare l'informativa privacy."],
  ];
  for (const [label, message] of problems) {
    await expect(summary.getByRole('link', { name: `${label}: ${message}`, exact: true })).toBeVisible();
  }
  for (const label of ['Nome', 'Cognome', 'Email di lavoro', 'Ruolo o incarico']) {
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/Campo obbligatorio\.$/);
  }
  await expect(page.getByRole('combobox', { name: 'Ente', exact: true })).toHaveAccessibleDescription(/Campo obbligatorio\.$/);
  await expect(page.getByRole('group', { name: 'Comunità a cui iscriverti' })).toHaveAccessibleDescription('Scegli almeno una comunità.');
  await expect(page.getByRole('checkbox', { name: /^Ho letto e accetto/ })).toHaveAccessibleDescription(
    "Per iscriverti devi accettare l'informativa privacy.",
  );
  // The summary links lead to the fields.
  await summary.getByRole('link', { name: 'Email di lavoro: Campo obbligatorio.' }).click();
  await expect(page).toHaveURL(/#email$/);
});

test('a too long name and a wrong email are refused, keeping what was typed', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const person = newPerson(testInfo, { firstName: 'x'.repeat(10_000), email: 'non-una-email', communities: ['Dati'] });
  await page.goto('/iscriviti');
  if (js) await waitForHydration(page);
  await fillSignUp(page, person, js);
  await submitRefused(page, signUpButton(page), js);

  const name = page.getByLabel('Nome', { exact: true });
  await expect(name).toHaveAccessibleDescription('Troppo lungo: al massimo 80 caratteri.');
  await expect(page.getByLabel('Email di lavoro')).toHaveAccessibleDescription(
    /Indirizzo email non valido, ad esempio nome\.cognome@comune\.it\.$/,
  );
  await expect(page.getByRole('alert').getByRole('link', { name: 'Nome: Troppo lungo: al massimo 80 caratteri.' })).toBeVisible();
  // What was typed is still there (a very long value is shortened to 300 characters without JavaScript).
  expect((await name.inputValue()).length).toBeGreaterThanOrEqual(300);
  await expect(name).toHaveValue(/^x+$/);
  await expect(page.getByLabel('Cognome', { exact: true })).toHaveValue(person.lastName);
  await expect(page.getByLabel('Email di lavoro')).toHaveValue('non-una-email');
  await expect(page.getByLabel('Ruolo o incarico')).toHaveValue(person.jobTitle);
  await expect(page.getByRole('combobox', { name: 'Ente', exact: true })).toHaveValue(person.ente);
  await expect(page.getByRole('checkbox', { name: 'Dati', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Documenti', exact: true })).not.toBeChecked();
  await expect(page.getByLabel('Cognome', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
});

test('names with markup, quotes, accents and emoji are kept as text', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const person = newPerson(testInfo, {
    firstName: '<script>alert(1)</script>',
    lastName: `Nicolò D'Alì 😀 ${Date.now()}`,
    jobTitle: "'; DROP TABLE people; --",
  });
  await signUpConfirmed(page, person, js);
  for (const reload of [false, true]) {
    if (reload) expect((await page.reload())?.status()).toBe(200);
    if (js) await waitForHydration(page);
    await expectLoggedIn(page, person.firstName);
    await expect(page.getByLabel('Nome', { exact: true })).toHaveValue(person.firstName);
    await expect(page.getByLabel('Cognome', { exact: true })).toHaveValue(person.lastName);
    await expect(page.getByLabel('Ruolo o incarico')).toHaveValue(person.jobTitle);
    await expect(page.getByText('Si è verificato un errore imprevisto')).toHaveCount(0);
  }
  // The people table is still there: the same person logs in again.
  await page.context().clearCookies();
  await logIn(page, person.email, person.password!, js);
  await expect(page).toHaveURL(/\/profilo$/);
  await expectLoggedIn(page, person.firstName);
  expect(dialogs).toEqual([]);
});

test('a community page names its coordinators and referents and invites to join', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  await page.goto('/comunita/dati');
  if (js) await waitForHydration(page);
  const leaders = page.getByRole('region', { name: 'Chi la anima' });
  await expect(leaders.getByRole('definition').first()).toHaveText('Chiara Montanari');
  await expect(leaders.getByRole('definition').nth(1)).toHaveText('Luca Zanetti');
  await expect(leaders.getByRole('term').first()).toHaveText('Coordinatori');
  const join = page.getByRole('region', { name: 'Partecipa' }).getByRole('link', { name: 'Iscriviti a questa comunità' });
  await expect(join).toHaveAttribute('href', '/iscriviti?comunita=dati');
  await join.click();
  await expect(page).toHaveURL(/\/iscriviti\?comunita=dati$/);
  await expect(page.getByRole('checkbox', { name: 'Dati', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Documenti', exact: true })).not.toBeChecked();
});
