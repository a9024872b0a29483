import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  advanceCycleTo,
  demoContext,
  expectNoAxeViolations,
  freePort,
  hasJavaScript,
  newContextLike,
  openPage,
  startServer,
  stopServer,
  submit,
  waitForHydration,
} from './support';

// The validation on a server of its own: the cycle moves into "Validazione", a member of the
// CNER table and the Cabina di Regia remarks on a plan, regional staff record the CNER table's
// decisions with the plan of Dati sent back, its coordinator revises it and hands it back, the
// general plan is presented again, Dati is validated and the Cabina di Regia approves; then a
// visitor reads the approved plans with their approval and digest. Every project walks it.

const REMARK = "Indicare i tempi di O1 — Nicolò D'Alì <script>alert(1)</script>";

/** Today in Italy, as a date input takes it. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

/** Submits `button`; without JavaScript the server sends the browser back to `path`. */
async function send(page: Page, button: ReturnType<Page['getByRole']>, js: boolean, path: string) {
  await submit(page, button, js);
  if (!js) await expect(page).toHaveURL((url) => url.pathname === path);
}

/** Records a decision of the CNER table on `plan` from the validation page. */
async function cnerDecides(page: Page, js: boolean, plan: string, outcome: string, changes = '') {
  const path = '/piano-generale/2024/validazione';
  await openPage(page, path, js);
  const form = page.getByRole('region', { name: 'Registra una decisione del Tavolo CNER' });
  await form.getByLabel('Piano').selectOption({ label: plan });
  await form.getByRole('radio', { name: outcome, exact: true }).check();
  if (changes) await form.getByLabel('Modifiche richieste, osservazioni o prescrizioni').fill(changes);
  await form.getByLabel('Data della riunione').fill(today());
  await form.getByLabel('Verbale').fill(`Seduta del Tavolo CNER: ${plan}.`);
  if (outcome === 'Modifiche richieste') await form.getByLabel('Revisione entro il').fill(today());
  await send(page, form.getByRole('button', { name: 'Registra la decisione' }), js, path);
  if (js) await expect(page.getByRole('status').filter({ hasText: 'Decisione registrata.' })).toBeVisible();
}

test('the plans are remarked on, validated, revised and approved, then public', async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const js = hasJavaScript(testInfo);
  const root = resolve(dirname(testInfo.config.configFile!), '..');
  const dir = mkdtempSync(join(tmpdir(), 'comtem-validation-'));
  const server = await startServer({ root, port: await freePort(), databaseUrl: `sqlite:${join(dir, 'v.db')}?mode=rwc`, dir, name: 'server' });
  const contexts = [];
  let completedAction = '';
  try {
    const staff = await demoContext(browser, testInfo, server, 'admin@comtem.demo');
    contexts.push(staff.context);
    await advanceCycleTo(staff.page, 'Rilettura finale', js);
    await advanceCycleTo(staff.page, 'Validazione', js);

    // A member of both bodies remarks on the context of Dati; a quote not in it is refused.
    const paolo = await demoContext(browser, testInfo, server, 'cner@comtem.demo');
    contexts.push(paolo.context);
    const remarksPath = '/piani/2024/dati/osservazioni';
    await openPage(paolo.page, '/piani/2024/dati', js);
    await paolo.page.getByRole('link', { name: 'Osservazioni e decisioni' }).click();
    await expect(paolo.page.getByRole('heading', { level: 1 })).toHaveText('Osservazioni sul piano Dati 2024');
    if (js) await waitForHydration(paolo.page);
    if (js) await expectNoAxeViolations(paolo.page);
    const write = paolo.page.getByRole('region', { name: "Scrivi un'osservazione" });
    await write.getByLabel('Scrivi come membro di').selectOption({ label: 'Tavolo CNER' });
    await write.getByLabel('Punto del piano').selectOption({ label: 'Contesto · testo' });
    await write.getByLabel('Passo citato (facoltativo)').fill('parole che non ci sono');
    await write.getByLabel('Osservazione', { exact: true }).fill(REMARK);
    await send(paolo.page, write.getByRole('button', { name: "Registra l'osservazione" }), js, remarksPath);
    await expect(paolo.page.getByText('Il passo citato non si trova nel testo scelto', { exact: false })).toBeVisible();
    const again = paolo.page.getByRole('region', { name: "Scrivi un'osservazione" });
    await again.getByLabel('Punto del piano').selectOption({ label: 'Contesto · testo' });
    await again.getByLabel('Passo citato (facoltativo)').fill('');
    await again.getByLabel('Osservazione', { exact: true }).fill(REMARK);
    await send(paolo.page, again.getByRole('button', { name: "Registra l'osservazione" }), js, remarksPath);
    const remarks = paolo.page.getByRole('list', { name: '1 osservazione' });
    await expect(remarks.getByText(REMARK)).toBeVisible();
    await expect(remarks).toContainText('Tavolo CNER · Contesto · testo');

    // The CNER table: Dati sent back, the nine others validated.
    const page = staff.page;
    await openPage(page, '/piano-generale/2024', js);
    await page.getByRole('link', { name: 'Validazione', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Validazione dei piani 2024');
    if (js) await waitForHydration(page);
    if (js) await expectNoAxeViolations(page);
    await cnerDecides(page, js, 'Dati', 'Modifiche richieste', 'Indicare i tempi dell\'obiettivo O1.');
    const others = await page
      .getByRole('region', { name: 'Registra una decisione del Tavolo CNER' })
      .getByLabel('Piano')
      .locator('option')
      .allTextContents();
    expect(others).toHaveLength(9);
    for (const plan of others) await cnerDecides(page, js, plan, 'Validato');
    await expect(page.getByRole('region', { name: 'Registra una decisione del Tavolo CNER' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Registra la decisione della Cabina di Regia' })).toHaveCount(0);

    // The coordinator of Dati revises the plan and hands it back.
    const carla = await demoContext(browser, testInfo, server, 'coordinatore.dati@comtem.demo');
    contexts.push(carla.context);
    await openPage(carla.page, remarksPath, js);
    const revision = carla.page.getByRole('region', { name: 'Il piano è in revisione' });
    await expect(revision).toBeVisible();
    await expect(carla.page.getByText(REMARK)).toBeVisible();
    if (js) {
      await revision.getByRole('link', { name: 'Rivedi il piano' }).click();
      await expect(carla.page).toHaveURL(/\/piani\/2024\/dati\/modifica$/);
      await waitForHydration(carla.page);
      const objectives = carla.page.getByRole('region', { name: 'Obiettivi', exact: true });
      const first = objectives.getByRole('listitem').filter({ has: carla.page.getByRole('heading', { level: 3, name: /^O1( |$)/ }) });
      await first.getByRole('textbox', { name: 'Titolo', exact: true }).fill('Dati aperti entro giugno');
      await expect(carla.page.locator('[data-save-status]')).toHaveText(/^Salvato \(versione \d+\)$/, { timeout: 15_000 });
      // The first action is done: next year's draft leaves it behind.
      const actions = carla.page.getByRole('region', { name: 'Azioni', exact: true });
      const a1 = actions.getByRole('listitem').filter({ has: carla.page.getByRole('heading', { level: 3, name: /^A1( |$)/ }) });
      completedAction = (await a1.getByRole('textbox', { name: 'Titolo', exact: true }).inputValue()).trim();
      await a1.getByRole('checkbox', { name: 'Azione completata' }).check();
      await expect(carla.page.locator('[data-save-status]')).toHaveText(/^Salvato \(versione \d+\)$/, { timeout: 15_000 });
      await openPage(carla.page, remarksPath, js);
    }
    await send(carla.page, carla.page.getByRole('button', { name: 'Consegna la revisione' }), js, remarksPath);
    await expect(carla.page.getByRole('region', { name: 'Il piano è in revisione' })).toHaveCount(0);
    await expect(carla.page.getByText(/^Revisione consegnata .* da /)).toBeVisible();

    // Presented again, Dati validated, the Cabina di Regia approves with prescriptions.
    const reviewPath = '/piano-generale/2024/validazione';
    await openPage(page, reviewPath, js);
    await send(page, page.getByRole('button', { name: 'Presenta di nuovo il piano generale' }), js, reviewPath);
    await expect(page.getByRole('link', { name: 'Leggi la versione 2' })).toBeVisible();
    await cnerDecides(page, js, 'Dati', 'Validato');
    const cabina = page.getByRole('region', { name: 'Registra la decisione della Cabina di Regia' });
    await cabina.getByRole('radio', { name: 'Approvato con prescrizioni', exact: true }).check();
    await cabina.getByLabel('Modifiche richieste, osservazioni o prescrizioni').fill('Riferire sugli indicatori a dicembre.');
    await cabina.getByLabel('Data della riunione').fill(today());
    await cabina.getByLabel('Verbale').fill('Seduta della Cabina di Regia.');
    await send(page, cabina.getByRole('button', { name: 'Registra la decisione' }), js, reviewPath);
    await expect(page.locator('.cycle-phase').first()).toHaveText('Fase attuale: Approvato');

    // Public: the approved general plan with its approval and digest, the plans, the history.
    const visitor = await newContextLike(browser, testInfo, server.url);
    contexts.push(visitor);
    const anyone = await visitor.newPage();
    await openPage(anyone, '/piano-generale/2024', js);
    const approval = anyone.locator('.approval');
    await expect(approval).toContainText('Approvato con prescrizioni.');
    await expect(approval).toContainText('(piano generale, versione 2)');
    await expect(anyone.getByText(/^Impronta SHA-256 del contenuto: ([0-9a-f]{8} ){7}[0-9a-f]{8}$/).first()).toBeVisible();
    if (js) await expectNoAxeViolations(anyone);
    await openPage(anyone, '/piani/2024/dati', js);
    await expect(anyone.locator('.approval')).toContainText('Approvato con prescrizioni.');
    const approvedActions = await anyone.locator('#azioni h3').allTextContents();
    await expect(anyone.getByRole('link', { name: 'Modifica' })).toHaveCount(0);
    await openPage(anyone, reviewPath, js);
    await expect(anyone.getByRole('heading', { level: 3, name: /^Cabina di Regia Digitale Emilia-Romagna, .*: Approvato con prescrizioni$/ })).toBeVisible();
    await expect(anyone.getByText(/^Revisione consegnata .* da /)).toBeVisible();
    await expect(anyone.getByRole('heading', { level: 3 })).toHaveCount(12);
    if (js) await expectNoAxeViolations(anyone);

    // The next year starts from the approved plans: unfinished actions carried over.
    await openPage(page, '/calendario', js);
    await submit(page, page.getByRole('button', { name: 'Apri il ciclo 2025' }), js);
    await openPage(page, '/piani/2025/dati', js);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dati');
    const carried = page.locator('#azioni').getByText('In corso · Ripresa dal piano 2024');
    await expect(carried.first()).toBeVisible();
    const draftActions = await page.locator('#azioni h3').allTextContents();
    expect(draftActions).toHaveLength(approvedActions.length - (completedAction ? 1 : 0));
    if (completedAction) expect(draftActions.some((title) => title.endsWith(completedAction))).toBe(false);
    if (js) await expectNoAxeViolations(page);
  } finally {
    for (const context of contexts) await context.close();
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
