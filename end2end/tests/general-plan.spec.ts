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
  openPage,
  startServer,
  stopServer,
  submit,
  waitForHydration,
} from './support';

// The end of the cycle on a server of its own (the suite's stays in the final re-reading): regional
// staff prepare the general plan in the final re-reading, a coordinator changes a plan and the
// general plan says which part is out of date, staff rebuild it, and moving to "Validazione"
// freezes the version presented, which members then read. Every project walks it, so the pages
// are checked on a phone and a desktop, with and without JavaScript.

const INTRODUCTION = "Il piano di Nicolò D'Alì: <script>alert(1)</script> & #set page(fill: red)";

/** Renames objective O1 of the plan of dati in the editor and waits for the autosave. */
async function reviseDati(page: Page) {
  await openPage(page, '/piani/2024/dati/modifica', true);
  const objectives = page.getByRole('region', { name: 'Obiettivi', exact: true });
  const first = objectives
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: /^O1( |$)/ }) });
  await first.getByRole('textbox', { name: 'Titolo', exact: true }).fill('Dati aperti per tutti gli enti');
  await expect(page.locator('[data-save-status]')).toHaveText(/^Salvato \(versione \d+\)$/, { timeout: 15_000 });
}

test('the general plan is prepared, goes out of date, is rebuilt and is frozen for validation', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const js = hasJavaScript(testInfo);
  const root = resolve(dirname(testInfo.config.configFile!), '..');
  const dir = mkdtempSync(join(tmpdir(), 'comtem-general-plan-'));
  const port = await freePort();
  const server = await startServer({ root, port, databaseUrl: `sqlite:${join(dir, 'plan.db')}?mode=rwc`, dir, name: 'server' });
  const contexts = [];
  try {
    const staff = await demoContext(browser, testInfo, server, 'admin@comtem.demo');
    contexts.push(staff.context);
    const page = staff.page;
    await advanceCycleTo(page, 'Rilettura finale', js);

    // Nothing yet: staff find it from the year's plans and are offered to prepare it.
    await openPage(page, '/piani/2024', js);
    await page.getByRole('link', { name: 'Piano generale delle attività 2024' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Piano generale delle attività 2024');
    await expect(page.getByText('Il piano generale di quest\'anno non è ancora stato preparato.')).toBeVisible();
    await page.getByRole('link', { name: 'Prepara il piano generale' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modifica il piano generale 2024');
    if (js) await waitForHydration(page);
    if (js) await expectNoAxeViolations(page);

    // A wrong day is refused with its reason, and nothing is lost.
    await page.getByRole('textbox', { name: 'Introduzione' }).fill(INTRODUCTION);
    await page.getByRole('textbox', { name: 'Numeri al giorno' }).fill('2999-01-01');
    if (!js) await submit(page, page.getByRole('button', { name: 'Salva' }), js);
    await expect(page.getByText('La data non può essere successiva a oggi.')).toBeVisible({ timeout: 15_000 });
    if (!js) await page.getByRole('textbox', { name: 'Introduzione' }).fill(INTRODUCTION);
    await page.getByRole('textbox', { name: 'Sintesi' }).fill('Dieci piani e le loro azioni integrate.');
    await page.getByRole('textbox', { name: 'Numeri al giorno' }).fill('2024-05-06');
    if (js) {
      // Saved by itself a moment after the last keystroke.
      await expect(page.getByRole('status').filter({ hasText: 'Salvato: versione 1.' })).toBeVisible({ timeout: 15_000 });
    } else {
      await submit(page, page.getByRole('button', { name: 'Salva' }), js);
    }

    // The document: its table of contents, the text as typed, the parts assembled.
    await openPage(page, '/piano-generale/2024', js);
    await expect(page.getByText(/^Versione 1, salvata il .* da Giulia Ferri\.$/)).toBeVisible();
    const contents = page.getByRole('navigation', { name: 'Indice' });
    for (const part of ['Introduzione', 'Sintesi', 'Calendario del ciclo', 'I numeri delle comunità', 'Azioni integrate', 'Matrice delle sinergie', 'I piani delle comunità', 'Dati', 'Cittadini']) {
      await expect(contents.getByRole('link', { name: part, exact: true })).toBeVisible();
    }
    const article = page.locator('article.general-plan-document');
    await expect(article.getByText(INTRODUCTION)).toBeVisible();
    await expect(article.getByText('Al 6 maggio 2024: 1.216 iscrizioni', { exact: false })).toBeVisible();
    await expect(article.getByRole('heading', { level: 3, name: /^AI1 / })).toBeVisible();
    await expect(article.locator('#dati-contesto')).toHaveText('Contesto');
    await expect(article.getByRole('heading', { level: 5, name: /^O1 / }).first()).toBeVisible();
    await contents.getByRole('link', { name: 'Matrice delle sinergie', exact: true }).click();
    await expect(page).toHaveURL(/#sinergie$/);
    if (js) await expectNoAxeViolations(page);

    if (js) {
      // A coordinator changes a plan: the general plan says so, and staff rebuild it.
      const lead = await demoContext(browser, testInfo, server, 'coordinatore.dati@comtem.demo');
      contexts.push(lead.context);
      await reviseDati(lead.page);
      await openPage(lead.page, '/piano-generale/2024', js);
      const notice = lead.page.getByRole('region', { name: 'Parti non aggiornate' });
      await expect(notice.getByRole('link', { name: 'Dati', exact: true })).toBeVisible();
      await expect(notice.getByRole('button')).toHaveCount(0);
      await openPage(page, '/piano-generale/2024', js);
      const staffNotice = page.getByRole('region', { name: 'Parti non aggiornate' });
      await submit(page, staffNotice.getByRole('button', { name: 'Ricostruisci dalle versioni attuali' }), js);
      await expect(page.getByText(/^Versione 2, salvata il /)).toBeVisible();
      await expect(page.getByRole('region', { name: 'Parti non aggiornate' })).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 5, name: 'O1 Dati aperti per tutti gli enti' })).toBeVisible();
    }

    // Into validation: the version presented is frozen.
    await advanceCycleTo(page, 'Validazione', js);
    await openPage(page, '/piano-generale/2024/versioni', js);
    const versions = page.getByRole('table', { name: 'Versioni del piano generale 2024' });
    const latest = versions.getByRole('row').nth(1);
    await expect(latest.getByRole('cell').last()).not.toHaveText('No');
    if (js) await expectNoAxeViolations(page);
    await openPage(page, '/piano-generale/2024/modifica', js);
    await expect(page.getByRole('textbox', { name: 'Introduzione' })).toHaveCount(0);

    const member = await demoContext(browser, testInfo, server, 'nicolo.dali@comtem.demo');
    contexts.push(member.context);
    await openPage(member.page, '/piano-generale/2024', js);
    await expect(member.page.getByText(/^Presentata per la validazione il .*: questa versione non cambia più\.$/)).toBeVisible();
    await expect(member.page.getByText(INTRODUCTION)).toBeVisible();
    await expect(member.page.getByRole('link', { name: 'Modifica introduzione e sintesi' })).toHaveCount(0);
    if (js) await expectNoAxeViolations(member.page);
  } finally {
    for (const context of contexts) await context.close();
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
