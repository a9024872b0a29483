import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import {
  COMMUNITIES,
  DEMO_PASSWORD,
  expectLoggedIn,
  expectNoAxeViolations,
  hasJavaScript,
  logIn,
  newContextLike,
  newPerson,
  signUpConfirmed,
  waitForHydration,
} from './support';

// The setup project has moved the demo cycle of 2024 to the final re-reading ("Rilettura
// finale"): leads edit their plan, members read their community's plan, visitors read none.

/** The slug of each community, by name. */
const SLUGS: Record<string, string> = {
  'Internet of Things': 'internet-of-things',
  Dati: 'dati',
  'Digital Gender Gap': 'digital-gender-gap',
  'Amministratori Digitali': 'amministratori-digitali',
  'Integrazioni Digitali': 'integrazioni-digitali',
  Imprese: 'imprese',
  'Facilitazione Digitale': 'facilitazione-digitale',
  Documenti: 'documenti',
  'Cybersecurity e Cloud': 'cybersecurity-e-cloud',
  Cittadini: 'cittadini',
};

/** The demo coordinator and referent of the communities whose plans these tests edit. */
const LEADS: Record<string, { coordinatore: string; referente: string }> = {
  dati: { coordinatore: 'Chiara Montanari', referente: 'Luca Zanetti' },
  imprese: { coordinatore: 'Stefano Cavalli', referente: 'Laura Pellegrini' },
  documenti: { coordinatore: 'Roberta Vitali', referente: 'Matteo Sarti' },
  'cybersecurity-e-cloud': { coordinatore: 'Alessandro Ferrari', referente: 'Valentina Gatti' },
  'facilitazione-digitale': { coordinatore: 'Martina Ricci', referente: 'Andrea Lolli' },
  cittadini: { coordinatore: 'Federica Conti', referente: 'Simone Mazzoni' },
  'integrazioni-digitali': { coordinatore: 'Davide Guidi', referente: 'Paola Fabbri' },
};

/** The community a new member joins in each project. Its plan is only read, never edited, so
 * its versions stay the demo's two. */
const MEMBER_OF: Record<string, string> = {
  desktop: 'Internet of Things',
  mobile: 'Digital Gender Gap',
  'desktop-no-js': 'Amministratori Digitali',
  'mobile-no-js': 'Internet of Things',
};

/** The plans each JavaScript project edits: one plan per test, so that tests running side by
 * side never save the same plan (logins are throttled per account: one each per run). */
const EDITS: Record<string, { editor: string; conflict: string; refused: string; hostile?: string }> = {
  desktop: { editor: 'dati', conflict: 'documenti', refused: 'cittadini', hostile: 'facilitazione-digitale' },
  mobile: { editor: 'imprese', conflict: 'cybersecurity-e-cloud', refused: 'integrazioni-digitali' },
};

/** The plans `testInfo`'s project edits; skips the test without JavaScript. */
function editsOf(testInfo: TestInfo) {
  test.skip(!hasJavaScript(testInfo), 'the editor needs JavaScript (without it the page says so)');
  const edits = EDITS[testInfo.project.name];
  if (!edits) throw new Error(`no plans to edit for project ${testInfo.project.name}`);
  return edits;
}

/** A text no other test or run writes. */
const unique = (testInfo: TestInfo) => `${Date.now().toString(36)} ${testInfo.project.name}`;

/** A section of a plan (on its page or in the editor), by its heading. */
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** The item labelled `label` (O1, A2…) of a section, on the plan page or in the editor. */
const item = (page: Page, sectionName: string, label: string) =>
  section(page, sectionName)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${label}( |$)`) }) });

/** The title field of an item in the editor. */
const titleField = (page: Page, sectionName: string, label: string) =>
  item(page, sectionName, label).getByRole('textbox', { name: 'Titolo', exact: true });

/** The editor's save status (the stable hook of the status line). */
const saveStatus = (page: Page) => page.locator('[data-save-status]');

const SAVED = /^Salvato \(versione (\d+)\)$/;

/** Waits until the editor says the plan is saved as a version newer than `before`; returns it. */
async function expectSavedAfter(page: Page, before: number): Promise<number> {
  const status = saveStatus(page);
  await expect(status).toHaveText(SAVED, { timeout: 15_000 });
  const version = Number((await status.textContent())!.match(SAVED)![1]);
  expect(version).toBeGreaterThan(before);
  return version;
}

/** Logs the demo coordinator or referent of `slug` in (once per test: logins are throttled). */
async function logInAsLead(page: Page, role: 'coordinatore' | 'referente', slug: string) {
  await logIn(page, `${role}.${slug}@comtem.demo`, DEMO_PASSWORD, true);
  await expectLoggedIn(page, LEADS[slug][role].split(' ')[0]);
}

/** Opens the editor of `slug`'s plan, hydrated; returns the version it starts from. */
async function openEditor(page: Page, slug: string): Promise<number> {
  await page.goto(`/piani/2024/${slug}/modifica`);
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Modifica del piano: /);
  const status = saveStatus(page);
  await expect(status).toHaveText(SAVED);
  return Number((await status.textContent())!.match(SAVED)![1]);
}

/** Opens the page of `slug`'s plan. */
async function openPlan(page: Page, slug: string, js: boolean) {
  await page.goto(`/piani/2024/${slug}`);
  if (js) await waitForHydration(page);
}

// ----------------------------------------------------------------------------------------------
// A visitor

test('a visitor sees the ten plans of 2024 but may read none of them yet', async ({ page }) => {
  const response = await page.goto('/piani/2024');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Piani delle attività 2024');
  await expect(page.getByRole('main')).toContainText('Fase attuale: Rilettura finale');
  const cards = page.getByRole('main').getByRole('listitem');
  await expect(cards.getByRole('heading', { level: 2 })).toHaveText(COMMUNITIES);
  for (const card of await cards.all()) {
    await expect(card).toContainText('Non ancora leggibile per te in questa fase.');
    await expect(card.getByRole('link')).toHaveCount(0);
  }
  await expect(page.getByRole('main').getByRole('link', { name: 'Calendario', exact: true })).toHaveAttribute('href', '/calendario');
});

test('a visitor is asked to log in for a plan, its editor and its versions; no content shows', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  await openPlan(page, 'dati', js);
  const main = page.getByRole('main');
  await expect(main.getByRole('status')).toContainText('Per vedere questa pagina devi accedere.');
  await expect(main.getByRole('link', { name: 'Accedi' })).toHaveAttribute('href', '/accedi?next=/piani/2024/dati');
  for (const heading of ['Obiettivi', 'Azioni', 'Contesto']) {
    await expect(page.getByRole('heading', { name: heading })).toHaveCount(0);
  }
  await expect(main).not.toContainText('Più dataset pubblicati');

  await page.goto('/piani/2024/dati/modifica');
  await expect(main.getByRole('status')).toContainText('Per vedere questa pagina devi accedere.');
  await expect(main.getByRole('link', { name: 'Accedi' })).toHaveAttribute('href', '/accedi?next=/piani/2024/dati/modifica');
  await expect(page.getByRole('textbox')).toHaveCount(0);

  await page.goto('/piani/2024/dati/versioni');
  await expect(main.getByRole('alert')).toContainText('Per vedere questa pagina devi accedere.');
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('the calendar shows the six phases with their deadlines and the current one', async ({ page }, testInfo) => {
  await page.goto('/calendario');
  if (hasJavaScript(testInfo)) await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Calendario del ciclo annuale');
  const cycle = page.getByRole('region', { name: 'Piani delle attività 2024' });
  await expect(cycle).toContainText('Fase attuale: Rilettura finale');
  await expect(cycle).toContainText(/Scadenza: 24 maggio 2024 · Scadenza superata da \d+ giorni e \d+ or[ae]/);
  const phases = [
    ['Redazione', 'conclusa', '30 aprile 2024'],
    ['Condivisione con i membri', 'conclusa', '10 maggio 2024'],
    ['Lettura trasversale', 'conclusa', '14 maggio 2024'],
    ['Rilettura finale', 'in corso', '24 maggio 2024'],
    ['Validazione', 'da iniziare', '7 giugno 2024'],
    ['Approvato', 'da iniziare', '14 giugno 2024'],
  ];
  const steps = cycle.getByRole('listitem');
  await expect(steps).toHaveCount(phases.length);
  for (const [i, [phase, state, day]] of phases.entries()) {
    await expect(steps.nth(i).getByRole('heading', { level: 3 })).toHaveText(`${phase} (${state})`);
    await expect(steps.nth(i)).toContainText(`Scadenza: ${day}`);
  }
  await expect(steps.nth(3)).toHaveAttribute('aria-current', 'step');
  await expect(cycle.getByRole('link', { name: 'Piani delle attività 2024' })).toHaveAttribute('href', '/piani/2024');
  // Only regional staff move the cycle on.
  await expect(page.getByRole('heading', { name: 'Gestione del ciclo' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Passa alla fase/ })).toHaveCount(0);
});

test('the home page shows the plans of 2024 with the phase and a countdown', async ({ page }, testInfo) => {
  await page.goto('/');
  if (hasJavaScript(testInfo)) await waitForHydration(page);
  const cycle = page.getByRole('region', { name: 'Piani delle attività 2024' });
  await expect(cycle).toContainText('Fase attuale: Rilettura finale');
  await expect(cycle).toContainText(/Scadenza: 24 maggio 2024 · Scadenza superata da \d+ giorni e \d+ or[ae]/);
  await expect(cycle.getByRole('link', { name: 'Piani delle attività 2024' })).toHaveAttribute('href', '/piani/2024');
  await expect(cycle.getByRole('link', { name: 'Calendario del ciclo annuale' })).toHaveAttribute('href', '/calendario');
});

for (const path of ['/calendario', '/piani/2024']) {
  test(`axe-core finds no violation on ${path} for a visitor`, async ({ page }, testInfo) => {
    test.skip(!hasJavaScript(testInfo), 'axe-core needs JavaScript');
    await page.goto(path);
    await waitForHydration(page);
    await expect(page.getByRole('main')).toContainText('Fase attuale: Rilettura finale');
    await expectNoAxeViolations(page);
  });
}

// ----------------------------------------------------------------------------------------------
// A member

/** Signs a new person up to the community of this project; returns its name and slug. */
async function signUpMember(page: Page, testInfo: TestInfo) {
  const name = MEMBER_OF[testInfo.project.name];
  await signUpConfirmed(page, newPerson(testInfo, { communities: [name] }), hasJavaScript(testInfo));
  return { name, slug: SLUGS[name] };
}

test('a member reads the plan of their community, and only that one, without editing it', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const { name, slug } = await signUpMember(page, testInfo);

  // The list links their community's plan only.
  await page.goto('/piani/2024');
  const cards = page.getByRole('main').getByRole('listitem');
  const own = cards.filter({ has: page.getByRole('heading', { name, exact: true }) });
  await expect(own.getByRole('link', { name, exact: true })).toHaveAttribute('href', `/piani/2024/${slug}`);
  await expect(own).toContainText(/Versione 2, salvata il .+ · \d+ obiettivi, \d+ azioni/);
  await expect(cards.filter({ hasText: 'Non ancora leggibile per te in questa fase.' })).toHaveCount(COMMUNITIES.length - 1);

  await openPlan(page, slug, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('main')).toContainText('Piano delle attività 2024');
  await expect(page.getByRole('main')).toContainText('Fase attuale: Rilettura finale');
  for (const heading of ['Contesto', 'Obiettivi', 'Azioni', 'Indicatori', 'Calendario degli incontri']) {
    await expect(section(page, heading).getByRole('heading', { level: 2 })).toHaveText(heading);
  }
  await expect(item(page, 'Obiettivi', 'O1')).toHaveCount(1);
  await expect(item(page, 'Azioni', 'A1')).toHaveCount(1);
  await expect(item(page, 'Azioni', 'A1')).toContainText('Periodo');
  await expect(page.getByRole('link', { name: 'Modifica il piano' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Versioni e confronti' })).toHaveAttribute('href', `/piani/2024/${slug}/versioni`);
  if (js) await expectNoAxeViolations(page);

  // The editor tells them they may not edit, and shows no form.
  await page.goto(`/piani/2024/${slug}/modifica`);
  await expect(page.getByRole('main').getByRole('status')).toContainText(
    'Questo piano lo modificano i coordinatori e i referenti della comunità e lo staff regionale.',
  );
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Salva ora' })).toHaveCount(0);

  // Another community's plan is not theirs to read.
  await page.goto('/piani/2024/cittadini');
  const refusal = page.getByRole('main').getByRole('alert');
  await expect(refusal).toContainText('Qualcosa non ha funzionato');
  await expect(refusal).toContainText('Non hai i permessi per questa operazione.');
  await expect(page.getByRole('heading', { name: 'Obiettivi' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
});

test('a member compares two versions of the plan, by default the last two', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const { name, slug } = await signUpMember(page, testInfo);
  await page.goto(`/piani/2024/${slug}/versioni`);
  if (js) await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Versioni del piano: ${name}`);
  const compare = page.getByRole('region', { name: 'Confronta due versioni' });
  await expect(compare.getByRole('heading', { level: 3 })).toHaveText('Cosa cambia dalla versione 1 alla versione 2');
  await expect(compare.getByLabel('Dalla versione', { exact: true })).toHaveValue('1');
  await expect(compare.getByLabel('Alla versione', { exact: true })).toHaveValue('2');
  // The shared plan added two actions and an indicator to the early draft.
  const added = compare.getByRole('listitem').filter({ hasText: /— aggiunto$/ });
  await expect(added).toHaveCount(3);
  await expect(added.first()).toContainText(/^A\d+ /);
  // …and a paragraph to the context.
  await expect(compare.getByRole('term').filter({ hasText: /^Contesto$/ })).toBeVisible();

  // Both versions are listed; the shared one was frozen at the start of three phases.
  const versions = page.getByRole('table', { name: 'Versioni e confronti' });
  const row = (n: string) => versions.getByRole('row').filter({ has: page.getByRole('rowheader', { name: n, exact: true }) });
  await expect(row('1')).toContainText('Redazione');
  await expect(row('2')).toContainText('Condivisione con i membri, Lettura trasversale, Rilettura finale');
  if (js) await expectNoAxeViolations(page);

  // The other way round: what the shared plan had that the draft did not.
  await compare.getByLabel('Dalla versione', { exact: true }).selectOption({ label: 'Versione 2' });
  await compare.getByLabel('Alla versione', { exact: true }).selectOption({ label: 'Versione 1' });
  await compare.getByRole('button', { name: 'Confronta' }).click();
  await expect(page).toHaveURL(new RegExp(`/piani/2024/${slug}/versioni\\?da=2&a=1$`));
  await expect(compare.getByRole('heading', { level: 3 })).toHaveText('Cosa cambia dalla versione 2 alla versione 1');
  await expect(compare.getByRole('listitem').filter({ hasText: /— eliminato$/ })).toHaveCount(3);
  await expect(compare.getByRole('listitem').filter({ hasText: /— aggiunto$/ })).toHaveCount(0);
  await expect(compare.getByLabel('Dalla versione', { exact: true })).toHaveValue('2');

  // The same version on both sides: nothing changes.
  await compare.getByLabel('Alla versione', { exact: true }).selectOption({ label: 'Versione 2' });
  await compare.getByRole('button', { name: 'Confronta' }).click();
  await expect(page).toHaveURL(/\?da=2&a=2$/);
  await expect(compare.getByRole('status')).toHaveText('Nessuna differenza tra le due versioni.');
});

// ----------------------------------------------------------------------------------------------
// Coordinators and referents, in the editor (JavaScript only)

test('a coordinator edits an action, keeps a half-written change over a reload and adds an objective', async ({ page }, testInfo) => {
  test.slow();
  const slug = editsOf(testInfo).editor;
  const tag = unique(testInfo);
  await logInAsLead(page, 'coordinatore', slug);

  await openPlan(page, slug, true);
  await expect(page.getByRole('link', { name: 'Modifica il piano' })).toHaveAttribute('href', `/piani/2024/${slug}/modifica`);
  let version = await openEditor(page, slug);
  await expect(page.getByRole('button', { name: 'Salva ora' })).toBeVisible();
  await expectNoAxeViolations(page);

  const title = `Azione riscritta ${tag}`;
  await test.step('the title and period of A1 change and are saved', async () => {
    const a1 = item(page, 'Azioni', 'A1');
    await a1.getByRole('textbox', { name: 'Titolo', exact: true }).fill(title);
    await a1.getByRole('combobox', { name: 'Al mese', exact: true }).selectOption({ label: 'dicembre' });
    version = await expectSavedAfter(page, version);

    await openPlan(page, slug, true);
    const shown = item(page, 'Azioni', 'A1');
    await expect(shown.getByRole('heading', { level: 3 })).toHaveText(`A1 ${title}`);
    await expect(shown).toContainText('febbraio – dicembre');
  });

  await test.step('a change typed just before a reload is still there after it', async () => {
    await openEditor(page, slug);
    const description = item(page, 'Obiettivi', 'O1').getByRole('textbox', { name: 'Descrizione' });
    const typed = `${await description.inputValue()} Aggiunta scritta di corsa ${tag}.`;
    await description.focus();
    await page.keyboard.press('ControlOrMeta+End');
    await description.pressSequentially(` Aggiunta scritta di corsa ${tag}.`);
    await expect(description).toHaveValue(typed);
    // Every keystroke is kept in the browser before the save (1.2 s after the last one).
    const draft = await page.evaluate((key) => localStorage.getItem(key), `comtem-piano-2024-${slug}`);
    expect(draft).toContain(`Aggiunta scritta di corsa ${tag}.`);
    await page.reload();
    await waitForHydration(page);
    const restored = item(page, 'Obiettivi', 'O1').getByRole('textbox', { name: 'Descrizione' });
    await expect(restored).toHaveValue(typed);
    version = await expectSavedAfter(page, version);
    const notice = page.getByRole('status').filter({ hasText: 'Abbiamo ripristinato le modifiche non salvate che avevi lasciato in questo browser.' });
    testInfo.annotations.push({ type: 'draft', description: (await notice.count()) ? 'restored from the browser' : 'saved before the reload' });
    expect(await page.evaluate((key) => localStorage.getItem(key), `comtem-piano-2024-${slug}`)).toBeNull();
  });

  await test.step('a new objective is added and linked to A1', async () => {
    await openEditor(page, slug);
    const objectives = section(page, 'Obiettivi').getByRole('listitem');
    const label = `O${(await objectives.count()) + 1}`;
    await page.getByRole('button', { name: 'Aggiungi un obiettivo' }).click();
    const field = titleField(page, 'Obiettivi', label);
    await expect(field).toBeFocused();
    const objective = `Obiettivo nuovo ${tag}`;
    await field.fill(objective);
    await item(page, 'Azioni', 'A1').getByRole('checkbox', { name: `${label} ${objective}` }).check();
    version = await expectSavedAfter(page, version);

    await openPlan(page, slug, true);
    await expect(item(page, 'Obiettivi', label).getByRole('heading', { level: 3 })).toHaveText(`${label} ${objective}`);
    await expect(item(page, 'Obiettivi', 'O1')).toContainText(`Aggiunta scritta di corsa ${tag}.`);
    const link = item(page, 'Azioni', 'A1').getByRole('link', { name: label, exact: true });
    const anchor = await link.getAttribute('href');
    expect(anchor).toMatch(/^#o[0-9a-z]+$/);
    await expect(item(page, 'Obiettivi', label)).toHaveAttribute('id', anchor!.slice(1));
  });

  await test.step('the cross-reading day on the calendar links to the meeting it announces', async () => {
    await openEditor(page, slug);
    const line = item(page, 'Calendario degli incontri', 'C3');
    await expect(line.getByRole('textbox', { name: 'Incontro', exact: true })).toHaveValue('Lettura trasversale dei piani');
    const meeting = line.getByRole('combobox', { name: "Scheda dell'incontro" });
    await expect(meeting).toHaveValue('');
    await meeting.selectOption({ label: '14 maggio 2024 · Giornata di lettura trasversale dei piani' });
    version = await expectSavedAfter(page, version);
    await expectNoAxeViolations(page);

    await openPlan(page, slug, true);
    await section(page, 'Calendario degli incontri').getByRole('link', { name: 'Lettura trasversale dei piani' }).click();
    await expect(page).toHaveURL(/\/incontri\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giornata di lettura trasversale dei piani');
  });
});

/** The coordinator (on `page`) and the referent (in a second browser) of `slug`, logged in, each
 * with the plan's editor open on the same version. */
async function twoLeads(page: Page, browser: Browser, baseURL: string | undefined, testInfo: TestInfo, slug: string) {
  const context = await newContextLike(browser, testInfo, baseURL);
  const referent = await context.newPage();
  await logInAsLead(page, 'coordinatore', slug);
  await logInAsLead(referent, 'referente', slug);
  const start = await openEditor(page, slug);
  expect(await openEditor(referent, slug)).toBe(start);
  return { coordinator: page, referent, context, start };
}

/** The panel the editor shows when someone else saved first. */
const mergePanel = (page: Page) => page.getByRole('region', { name: 'Qualcun altro ha salvato il piano' });

// Both tests save the same plan, one after the other.
test.describe('two leads editing the same plan', () => {
  test.describe.configure({ mode: 'serial' });

  test('two leads save at once: the later one sees both changes, chooses, and merges', async ({ page, browser, baseURL }, testInfo) => {
    test.slow();
    const slug = editsOf(testInfo).conflict;
    const tag = unique(testInfo);
    const { coordinator, referent, context, start } = await twoLeads(page, browser, baseURL, testInfo, slug);

    const theirs = `O1 del coordinatore ${tag}`;
    await titleField(coordinator, 'Obiettivi', 'O1').fill(theirs);
    const saved = await expectSavedAfter(coordinator, start);

    // The referent, still on the version both started from, changes O2 and O1 too.
    const mineO2 = `O2 del referente ${tag}`;
    const mineO1 = `O1 del referente ${tag}`;
    const originalO2 = await titleField(referent, 'Obiettivi', 'O2').inputValue();
    await titleField(referent, 'Obiettivi', 'O2').fill(mineO2);
    await titleField(referent, 'Obiettivi', 'O1').fill(mineO1);
    await expect(saveStatus(referent)).toHaveText('Non salvato: qualcun altro ha salvato nel frattempo.', { timeout: 15_000 });

    const panel = mergePanel(referent);
    await expect(panel).toContainText(`${LEADS[slug].coordinatore} ha salvato la versione ${saved} il`);
    await expect(panel).toContainText('Le tue modifiche non sono andate perse');
    await expect(panel).toContainText(theirs);
    await expect(panel).toContainText(mineO1);
    await expect(panel).toContainText(mineO2);
    // One point where both changed the same field: O1's title.
    await expect(panel.getByRole('group')).toHaveCount(1);
    const choice = panel.getByRole('group', { name: /^O1 · Titolo/ });
    await expect(choice.getByRole('radio', { name: `Tieni la mia: ${mineO1}` })).toBeChecked();
    await choice.getByRole('radio', { name: `Usa l'altra: ${theirs}` }).check();
    await panel.getByRole('button', { name: 'Unisci e salva' }).click();
    const merged = await expectSavedAfter(referent, saved);
    await expect(panel).toBeHidden();
    await expect(titleField(referent, 'Obiettivi', 'O1')).toHaveValue(theirs);
    await expect(titleField(referent, 'Obiettivi', 'O2')).toHaveValue(mineO2);

    // The plan now has the coordinator's O1 and the referent's O2, as the latest version.
    await openPlan(coordinator, slug, true);
    await expect(item(coordinator, 'Obiettivi', 'O1').getByRole('heading', { level: 3 })).toHaveText(`O1 ${theirs}`);
    await expect(item(coordinator, 'Obiettivi', 'O2').getByRole('heading', { level: 3 })).toHaveText(`O2 ${mineO2}`);
    await expect(coordinator.getByRole('main')).toContainText(`Versione ${merged}, salvata il`);
    await expect(coordinator.getByRole('main')).toContainText(`da ${LEADS[slug].referente}`);
    await expect(coordinator.getByRole('main')).not.toContainText(originalO2);

    // The coordinator's editor, reopened, starts from the merge.
    expect(await openEditor(coordinator, slug)).toBe(merged);
    await expect(titleField(coordinator, 'Obiettivi', 'O2')).toHaveValue(mineO2);
    await context.close();
  });

  test('what is typed while the merge panel is open is kept by the merge', async ({ page, browser, baseURL }, testInfo) => {
    test.slow();
    const slug = editsOf(testInfo).conflict;
    const tag = unique(testInfo);
    const { coordinator, referent, context, start } = await twoLeads(page, browser, baseURL, testInfo, slug);
    await titleField(coordinator, 'Obiettivi', 'O1').fill(`O1 ancora del coordinatore ${tag}`);
    const saved = await expectSavedAfter(coordinator, start);
    await titleField(referent, 'Obiettivi', 'O2').fill(`O2 ancora del referente ${tag}`);
    await expect(mergePanel(referent)).toBeVisible({ timeout: 15_000 });

    // The referent goes on writing while the panel is open, then merges.
    const later = `O3 scritto con il pannello aperto ${tag}`;
    await titleField(referent, 'Obiettivi', 'O3').fill(later);
    await mergePanel(referent).getByRole('button', { name: 'Unisci e salva' }).click();
    await expectSavedAfter(referent, saved);
    await expect(titleField(referent, 'Obiettivi', 'O3')).toHaveValue(later);
    await openPlan(coordinator, slug, true);
    await expect(item(coordinator, 'Obiettivi', 'O3').getByRole('heading', { level: 3 })).toHaveText(`O3 ${later}`);
    await context.close();
  });
});

test('a required title left empty is not saved until it is written again', async ({ page }, testInfo) => {
  const slug = editsOf(testInfo).refused;
  await logInAsLead(page, 'coordinatore', slug);
  const start = await openEditor(page, slug);
  const field = titleField(page, 'Obiettivi', 'O1');
  const original = await field.inputValue();

  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  await field.fill('');
  await expect(saveStatus(page)).toHaveText('Non salvato: correggi i campi segnalati. Le modifiche restano in questo browser.', { timeout: 15_000 });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription('Campo obbligatorio.');
  expect(posts).toEqual([]);
  await expectNoAxeViolations(page);

  await field.pressSequentially(original);
  // One save, of the whole plan as it was: the empty title was never sent.
  expect(await expectSavedAfter(page, start)).toBe(start + 1);
  expect(posts).toHaveLength(1);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await openPlan(page, slug, true);
  await expect(item(page, 'Obiettivi', 'O1').getByRole('heading', { level: 3 })).toHaveText(`O1 ${original}`);
});

// Both tests write into the same plan, one after the other.
test.describe('text typed into a plan', () => {
  test.describe.configure({ mode: 'serial' });

  test('markup and script links typed into a plan show as text, never run', async ({ page }, testInfo) => {
    const slug = editsOf(testInfo).hostile;
    test.skip(!slug, 'checked once, on the desktop');
    await logInAsLead(page, 'coordinatore', slug!);
    const start = await openEditor(page, slug!);
    const hostile = [
      '<script>window.pwned=1</script>',
      '<img src="x" onerror="window.pwned=2">',
      '[clicca](javascript:alert(1)) oppure [sito](https://example.org)',
    ].join('\n\n');
    await item(page, 'Azioni', 'A1').getByRole('textbox', { name: 'Descrizione' }).fill(hostile);
    await expectSavedAfter(page, start);

    const pwned = () => page.evaluate(() => (window as unknown as { pwned?: number }).pwned);
    await openPlan(page, slug!, true);
    const a1 = item(page, 'Azioni', 'A1');
    await expect(a1).toContainText('<script>window.pwned=1</script>');
    await expect(a1).toContainText('<img src="x" onerror="window.pwned=2">');
    await expect(a1.getByRole('img')).toHaveCount(0);
    expect(await pwned()).toBeUndefined();
    // The one CSS selector here: it checks a security property, not a layout.
    await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
    await expect(a1.getByRole('link', { name: 'clicca' })).toHaveCount(0);
    await expect(a1).toContainText('clicca');
    await expect(a1.getByRole('link', { name: 'sito', exact: true })).toHaveAttribute('href', 'https://example.org');

    // The versions page shows the same text in its comparison, and the editor in its field.
    await page.goto(`/piani/2024/${slug}/versioni`);
    await waitForHydration(page);
    await expect(page.getByRole('region', { name: 'Confronta due versioni' })).toContainText('<script>window.pwned=1</script>');
    expect(await pwned()).toBeUndefined();
    await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
    await openEditor(page, slug!);
    await expect(item(page, 'Azioni', 'A1').getByRole('textbox', { name: 'Descrizione' })).toHaveValue(hostile);
    await expect(page.getByRole('main').getByRole('img')).toHaveCount(0);
    expect(await pwned()).toBeUndefined();
  });

  test('a text area keeps what was typed in it, even "</textarea>" and "&amp;"', async ({ page }, testInfo) => {
    const slug = editsOf(testInfo).hostile;
    test.skip(!slug, 'checked once, on the desktop');
    await logInAsLead(page, 'coordinatore', slug!);
    const start = await openEditor(page, slug!);
    const typed = 'Ricerca R&amp;D, con a &lt; b.\n\n</textarea><img src="x" alt="iniettata">';
    await item(page, 'Azioni', 'A1').getByRole('textbox', { name: 'Descrizione' }).fill(typed);
    const saved = await expectSavedAfter(page, start);

    // The plan page shows the text as typed.
    await openPlan(page, slug!, true);
    await expect(item(page, 'Azioni', 'A1')).toContainText('Ricerca R&amp;D, con a &lt; b.');

    // The editor, opened again, shows it in the field, and still saves.
    await openEditor(page, slug!);
    await expect(page.getByRole('img', { name: 'iniettata' })).toHaveCount(0);
    await expect(item(page, 'Azioni', 'A1').getByRole('textbox', { name: 'Descrizione' })).toHaveValue(typed);
    await titleField(page, 'Obiettivi', 'O1').fill(`Ancora modificabile ${unique(testInfo)}`);
    await expectSavedAfter(page, saved);
  });
});
