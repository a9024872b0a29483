import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Browser, type BrowserContextOptions, type Locator, type Page, type Request, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Whether this project runs with JavaScript enabled. */
export const hasJavaScript = (testInfo: TestInfo) => !testInfo.project.name.endsWith('-no-js');

/** A second browser context like the test's own (device, screen, JavaScript), with no session
 * unless `options` give one: `browser.newContext()` alone would not take the project's settings. */
export function newContextLike(browser: Browser, testInfo: TestInfo, baseURL: string | undefined, options: BrowserContextOptions = {}) {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, javaScriptEnabled } = testInfo.project.use;
  return browser.newContext({ baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, javaScriptEnabled, ...options });
}

/** Waits until the WASM has hydrated the page (a click before that would be lost), if the page
 * starts it. */
export async function waitForHydration(page: Page) {
  // A page a visitor only reads comes without the application's code: nothing to wait for.
  if (!(await startsCode(page))) return;
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true', { timeout: 15_000 });
}

/** Whether the page starts the application's code (its module script). */
export async function startsCode(page: Page) {
  return (await page.locator('head script[type="module"]').count()) > 0;
}

/** Fails with the list of axe-core violations (WCAG 2.1 A and AA), if any. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

export const COMMUNITIES = [
  'Internet of Things',
  'Dati',
  'Digital Gender Gap',
  'Amministratori Digitali',
  'Integrazioni Digitali',
  'Imprese',
  'Facilitazione Digitale',
  'Documenti',
  'Cybersecurity e Cloud',
  'Cittadini',
];

/** The password of every demo account (the server runs with COMTEM_DEMO=1). */
export const DEMO_PASSWORD = 'comtem-demo-2024';

/** Where the setup project keeps the demo admin's session (see auth.setup.ts). */
export const adminStatePath = () => join(process.env.COMTEM_E2E_RUN_DIR ?? '/tmp', 'admin.json');

/** Someone signing up: a registered body by exact name, or an unlisted one with kind and province. */
export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string;
  ente: string;
  unlisted?: { kind: string; province: string };
  communities: string[];
  password?: string;
}

let made = 0;

/** A person no other test (in any project or worker) uses, with a password. */
export function newPerson(testInfo: TestInfo, overrides: Partial<Person> = {}): Person {
  made += 1;
  const tag = `${Date.now().toString(36)}${testInfo.workerIndex}x${made}`;
  return {
    firstName: 'Anna',
    lastName: `Verdi ${tag}`,
    email: `anna.verdi.${tag}.${testInfo.project.name}@comune.esempio.it`,
    jobTitle: 'Istruttrice amministrativa',
    ente: 'Castel San Pietro Terme',
    communities: ['Dati', 'Documenti'],
    password: 'una frase lunga e sicura',
    ...overrides,
  };
}

/** The submit button of the signup form (the header also has an "Iscriviti" link). */
export const signUpButton = (page: Page) => page.getByRole('button', { name: 'Iscriviti', exact: true });

/** Fills the signup form (already open) as `person` says, without submitting it; an empty `ente`
 * is left for the caller to fill. */
export async function fillSignUp(page: Page, person: Person, js: boolean) {
  await page.getByLabel('Nome', { exact: true }).fill(person.firstName);
  await page.getByLabel('Cognome', { exact: true }).fill(person.lastName);
  await page.getByLabel('Email di lavoro').fill(person.email);
  await page.getByLabel('Ruolo o incarico').fill(person.jobTitle);
  const ente = page.getByRole('combobox', { name: 'Ente', exact: true });
  if (person.ente) await ente.fill(person.ente);
  if (!person.ente) {
    // The caller picks the body.
  } else if (person.unlisted) {
    await page.getByText('Il mio ente non è in elenco', { exact: true }).click();
    await page.getByRole('checkbox', { name: /^Il mio ente non è in elenco/ }).check();
    await page.getByLabel('Tipo di ente').selectOption({ label: person.unlisted.kind });
    await page.getByLabel('Provincia').selectOption({ label: person.unlisted.province });
  } else if (js) {
    // Pick the body from the suggestions, as people do (and so the list does not cover the form).
    const start = new RegExp(`^${person.ente.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    await page.getByRole('listbox', { name: 'Ente', exact: true }).getByRole('option', { name: start }).first().click();
    await expect(page.getByRole('listbox', { name: 'Ente', exact: true })).toBeHidden();
    await expect(ente).toHaveValue(person.ente);
  }
  for (const community of person.communities) {
    await page.getByRole('checkbox', { name: community, exact: true }).check();
  }
  if (person.password) await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('checkbox', { name: /^Ho letto e accetto/ }).check();
}

/** Opens /iscriviti, fills it in for `person` and submits it. */
export async function signUp(page: Page, person: Person, js: boolean) {
  await page.goto('/iscriviti');
  if (js) await waitForHydration(page);
  await fillSignUp(page, person, js);
  await submit(page, signUpButton(page), js);
}

/**
 * Presses a form's submit button and waits for the server's answer: the POST of the server
 * function (with JavaScript), or the page it leads to (without).
 */
export async function submit(page: Page, button: Locator, js: boolean) {
  if (js) {
    // The form's own server function, not the other requests the page may be making.
    const action = await button.locator('xpath=ancestor::form[1]').getAttribute('action');
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action);
    await Promise.all([answer, button.click()]);
  } else {
    await Promise.all([page.waitForEvent('load'), button.click()]);
  }
}

/** Submits a form that must be refused. Once hydrated the browser refuses it by itself, with the
 * server's own rules, and sends nothing; without JavaScript the server refuses it and the page
 * comes back with the problems. */
export async function submitRefused(page: Page, button: Locator, js: boolean) {
  if (js) {
    const posts: string[] = [];
    const onRequest = (request: Request) => {
      if (request.method() === 'POST') posts.push(request.url());
    };
    page.on('request', onRequest);
    await button.click();
    await expect(page.getByRole('heading', { name: 'Il modulo contiene errori' })).toBeVisible();
    page.off('request', onRequest);
    expect(posts).toEqual([]);
  } else {
    await Promise.all([page.waitForEvent('load'), button.click()]);
  }
}

/** The password form of /accedi (the page also has the login-link form). */
export const passwordForm = (page: Page) => page.getByRole('region', { name: 'Con la password' });

/** Opens /accedi and submits the password form; does not check the outcome. */
export async function logIn(page: Page, email: string, password: string, js: boolean) {
  await page.goto('/accedi');
  if (js) await waitForHydration(page);
  const form = passwordForm(page);
  await form.getByLabel('Email di lavoro').fill(email);
  await form.getByLabel('Password').fill(password);
  await submit(page, form.getByRole('button', { name: 'Accedi' }), js);
}

/** The main navigation: the sections of the site (behind the «Menu» button on a narrow screen)
 * and the account links (always in sight). */
export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Menu principale' });

/** The «Menu» button of the main navigation (a `<summary>`), shown on a narrow screen only. */
export const menuButton = (page: Page) => mainNav(page).getByText('Menu', { exact: true });

/** The main navigation's link `name`, opening the menu first where a narrow screen keeps it closed. */
export async function menuLink(page: Page, name: string) {
  const link = mainNav(page).getByRole('link', { name, exact: true });
  if (!(await link.isVisible()) && (await menuButton(page).isVisible())) await menuButton(page).click();
  await expect(link).toBeVisible();
  return link;
}

/** Expects the header to greet `firstName`, with the logout button. */
export async function expectLoggedIn(page: Page, firstName: string) {
  await expect(mainNav(page).getByRole('link', { name: `Profilo di ${firstName}`, exact: true })).toBeVisible();
  await expect(mainNav(page).getByRole('button', { name: 'Esci' })).toBeVisible();
}

/** A message as the tests' SMTP server received it (scripts/smtp_sink.py). */
export interface ReceivedMail {
  rcpt_to: string[];
  subject: string;
  reply_to: string | null;
  message_id: string;
  text: string | null;
  html: string | null;
  tls: boolean;
  authenticated: boolean;
}

/** Every message the tests' SMTP server accepted for `email`, in order of arrival. */
export function receivedMail(email: string): ReceivedMail[] {
  const dir = process.env.COMTEM_E2E_SMTP_DIR;
  if (!dir) throw new Error('COMTEM_E2E_SMTP_DIR is not set: run with end2end/playwright.config.ts');
  const recipient = email.trim().toLowerCase();
  const mailDir = join(dir, 'mail');
  return readdirSync(mailDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ number: Number(name.split('.')[0]), path: join(mailDir, name) }))
    .sort((a, b) => a.number - b.number)
    .map(({ path }) => JSON.parse(readFileSync(path, 'utf8')) as ReceivedMail)
    .filter((mail) => mail.rcpt_to.includes(recipient));
}

/** The newest link to `path` (`/accedi/link` or `/iscriviti/conferma`) emailed to `email`, waiting
 * until `count` such links have reached the SMTP server (an earlier one may be used already). */
async function readLink(email: string, path: string, timeout: number, count = 1): Promise<string> {
  const pattern = new RegExp(`https?://\\S+${path}/[A-Za-z0-9_-]+`);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const links = receivedMail(email)
      .map((mail) => mail.text?.match(pattern)?.[0])
      .filter((link): link is string => link !== undefined);
    if (links.length >= count) return links[links.length - 1];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no ${path} link emailed to ${email} within ${timeout} ms`);
}

/** The login link most recently emailed to `email`. */
export const readLoginLink = (email: string, timeout = 15_000) => readLink(email, '/accedi/link', timeout);

/** The signup confirmation link most recently emailed to `email`, once `count` have arrived. */
export const readConfirmationLink = (email: string, timeout = 15_000, count = 1) =>
  readLink(email, '/iscriviti/conferma', timeout, count);

/** Opens the `count`th confirmation link mailed to `email` and presses its button. */
export async function confirmSignUp(page: Page, email: string, js: boolean, count = 1) {
  await page.goto(await readConfirmationLink(email, 15_000, count));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Conferma l'iscrizione");
  if (js) await waitForHydration(page);
  await submit(page, page.getByRole('button', { name: 'Conferma', exact: true }), js);
}

/** Signs `person` up, then confirms from the mail in the same browser: the profile opens. */
export async function signUpConfirmed(page: Page, person: Person, js: boolean) {
  await signUp(page, person, js);
  await expect(page).toHaveURL(/\/iscriviti\/fatto$/);
  await confirmSignUp(page, person.email, js);
  await expect(page).toHaveURL(/\/profilo\?benvenuto=1$/);
  // The profile is a new page (the signup's bundle does not hold it): wait for its code.
  if (js) await waitForHydration(page);
}

// ----------------------------------------------------------------------------------------------
// The cross-reading board (board*.spec.ts)

// (Imports are hoisted: these sit with the helpers that use them.)
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';

/** Logs `email` (a demo account) in with the demo password and waits for the profile page. */
export async function logInDemo(page: Page, email: string, js: boolean) {
  await logIn(page, email, DEMO_PASSWORD, js);
  await expect(page).toHaveURL(/\/profilo$/, { timeout: 15_000 });
  // The profile is a new page (the login's bundle does not hold it): wait for its code.
  if (js) await waitForHydration(page);
}

/** The root of the board page, which says when it is hydrated and connected. */
export const boardPage = (page: Page) => page.locator('.board-page');

/** The element saying the state of the live connection (`data-connection`). */
export const connectionState = (page: Page) => page.locator('.board-connection');

/** Opens the board (with `query`, e.g. `?piano=dati`); with JavaScript, waits until it is
 * hydrated and its live connection answered. */
export async function openBoard(page: Page, js: boolean, query = '') {
  await page.goto(`/lettura-trasversale${query}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Lettura trasversale \d{4}$/);
  if (js) await waitForBoard(page);
}

/** Waits until the board is hydrated and live. */
export async function waitForBoard(page: Page, timeout = 20_000) {
  await waitForHydration(page);
  await expect(boardPage(page)).toHaveAttribute('data-board-ready', 'true', { timeout });
  await expect(connectionState(page)).toHaveAttribute('data-connection', 'live', { timeout });
}

/** The column of `slug`'s plan on the board. */
export const planColumn = (page: Page, slug: string) => page.locator(`.board-column[data-plan="${slug}"]`);

/** The list of annotations below the plans. */
export const threadList = (page: Page) => page.locator('ol.thread-list');

/** The threads of the list whose text contains `text`. */
export const threadWith = (page: Page, text: string) => threadList(page).locator('article.thread').filter({ hasText: text });

/** The new-annotation dialog. */
export const annotationDialog = (page: Page) => page.getByRole('dialog', { name: 'Nuova annotazione' });

/** A text no other test, project or run writes, for finding what a test made. */
export function uniqueText(testInfo: TestInfo, what: string) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return `${what} ${testInfo.project.name} ${tag}`;
}

/** Starts recording what the board's live region (role=status, aria-live=polite) says, so a
 * message replaced by a later one is not missed; read it with {@link announcements}. */
export async function recordAnnouncements(page: Page) {
  await page.evaluate(() => {
    const region = document.querySelector('.board-news');
    if (!region) throw new Error('no live region on the board');
    const said: string[] = [];
    (window as unknown as { __said: string[] }).__said = said;
    new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text) said.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
}

/** Everything the live region said since {@link recordAnnouncements}. */
export const announcements = (page: Page) =>
  page.evaluate(() => (window as unknown as { __said?: string[] }).__said ?? []);

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** A server process a test started itself (not the suite's), with its log file. */
export interface OwnServer {
  url: string;
  process: ChildProcess;
  log: string;
}

/**
 * Starts `target/release/comtem` from `root` (the repository) on `port` and `databaseUrl`, with
 * the demo, like the suite's server; resolves once /healthz answers. Its output goes to
 * `dir/<name>.log`.
 */
export async function startServer(options: {
  root: string;
  port: number;
  databaseUrl: string;
  dir: string;
  name: string;
}): Promise<OwnServer> {
  const { root, port, databaseUrl, dir, name } = options;
  const url = `http://127.0.0.1:${port}`;
  const log = join(dir, `${name}.log`);
  const mailDir = join(dir, 'mail');
  mkdirSync(mailDir, { recursive: true });
  const out = openSync(log, 'a');
  const child = spawn(join(root, 'target/release/comtem'), [], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      DATABASE_URL: databaseUrl,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: 'target/site',
      LEPTOS_ENV: 'PROD',
      RUST_LOG: 'warn',
      COMTEM_DEMO: '1',
      COMTEM_COOKIE_SECURE: 'false',
      COMTEM_MAIL_DIR: mailDir,
      COMTEM_IP_LIMIT: '10000',
      COMTEM_PUBLIC_URL: url,
    },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  let exited: string | undefined;
  // Never left running after the test process (a test that times out skips its `finally`).
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', (code, signal) => {
    exited = `exited (${code ?? signal})`;
    process.off('exit', orphan);
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server ${name} ${exited}:\n${readFileSync(log, 'utf8').slice(-2000)}`);
    try {
      const answer = await fetch(`${url}/healthz`);
      if (answer.ok) return { url, process: child, log };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server ${name} did not answer on ${url}/healthz within 60 s`);
}

/** Stops a server started by {@link startServer} (by its own process id) and waits for it. */
export async function stopServer(server: OwnServer, signal: NodeJS.Signals = 'SIGTERM') {
  const child = server.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const late = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(late);
}

/** Annotates the objective or action labelled `label` (O1, A2…) of `slug`'s plan, shown on the
 * board, as a comment saying `text`; waits until the form closes. The «Annota» button is
 * pressed with the keyboard: on a live board what others do moves the page (news, presence,
 * new threads), and a mouse click can land on what moved under it. */
export async function annotateItem(page: Page, slug: string, label: string, text: string) {
  await page
    .locator(`.board-column[data-plan="${slug}"]`)
    .getByRole('button', { name: new RegExp(`^Annota ${label}: `) })
    .press('Enter');
  const dialog = annotationDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Testo' }).fill(text);
  await dialog.getByRole('button', { name: 'Pubblica' }).click();
  await expect(dialog).toBeHidden();
}

/** A fresh key of the shape the board accepts for annotation ids and submit keys. */
export function boardKey() {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 20 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

/** The community (slug, name) whose coordinator organises meetings in each project. */
export const MEETING_ORGANISER: Record<string, [string, string]> = {
  desktop: ['documenti', 'Documenti'],
  mobile: ['cittadini', 'Cittadini'],
  'desktop-no-js': ['imprese', 'Imprese'],
  'mobile-no-js': ['amministratori-digitali', 'Amministratori Digitali'],
};

/** Fills the meeting form; `starts` as a `datetime-local` field takes it. */
export async function fillMeeting(page: Page, title: string, community: string, starts: string) {
  await page.getByLabel('Titolo').fill(title);
  await page.getByRole('radio', { name: 'Comunità', exact: true }).check();
  await page.getByRole('checkbox', { name: community, exact: true }).check();
  await page.getByLabel('Inizio').fill(starts);
  await page.getByLabel('Fine').fill('2030-10-27T12:30');
  await page.getByLabel('Luogo').fill("Sala D'Alì, Regione Emilia-Romagna");
  await page.getByLabel('Collegamento online').fill('https://meet.example.it/incontro');
  await page.getByLabel('Ordine del giorno').fill('- Apertura\n- Il piano <b>2031</b>');
}

/** Opens `path` and waits for hydration when the project runs JavaScript. */
export async function openPage(page: Page, path: string, js: boolean) {
  await page.goto(path);
  if (js) await waitForHydration(page);
}

/** Moves the demo cycle of 2024 on to `phase` from /calendario (as regional staff). */
export async function advanceCycleTo(page: Page, phase: string, js: boolean) {
  await openPage(page, '/calendario', js);
  await submit(page, page.getByRole('button', { name: `Passa alla fase: ${phase}` }), js);
  if (!js) await page.goto('/calendario');
  await expect(page.getByRole('region', { name: 'Piani delle attività 2024' })).toContainText(`Fase attuale: ${phase}`);
}

/** A context of the project's kind on `server`, logged in as the demo account `email`. */
export async function demoContext(browser: Browser, testInfo: TestInfo, server: OwnServer, email: string) {
  const context = await newContextLike(browser, testInfo, server.url);
  const page = await context.newPage();
  await logInDemo(page, email, hasJavaScript(testInfo));
  return { context, page };
}
