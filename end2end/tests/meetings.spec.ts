import { expect, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  fillMeeting,
  hasJavaScript,
  MEETING_ORGANISER,
  logInDemo,
  newContextLike,
  openPage,
  submit,
  waitForHydration,
} from './support';

// Meetings on the shared demo server. In each project a different community's coordinator
// organises a meeting on the day summer time ends (a first try at an hour the clocks skip is
// refused with its reason), its referent says they will attend, and the coordinator sees them in
// the list; every page involved has no axe violations, on a phone and a desktop, with and
// without JavaScript.

test('a coordinator organises a meeting, a referent will attend, the coordinator sees it', async ({ browser, page }, testInfo) => {
  test.setTimeout(120_000);
  const js = hasJavaScript(testInfo);
  const [slug, community] = MEETING_ORGANISER[testInfo.project.name];
  // Unique in the run, also when repeated.
  const title = `Incontro ${testInfo.project.name} ${Date.now().toString(36)} <script>alert(1)</script> di Nicolò D'Alì`;

  await logInDemo(page, `coordinatore.${slug}@comtem.demo`, js);
  await openPage(page, '/incontri', js);
  if (js) await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Nuovo incontro' }).click();
  await expect(page).toHaveURL(/\/incontri\/nuovo$/);
  if (js) await waitForHydration(page);
  if (js) await expectNoAxeViolations(page);

  // 02:30 on 31 March 2030 does not exist: the clocks go from 02:00 to 03:00.
  await fillMeeting(page, title, community, '2030-03-31T02:30');
  await submit(page, page.getByRole('button', { name: "Crea l'incontro" }), js);
  await expect(page.getByRole('heading', { name: 'Il modulo contiene errori' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Inizio: Quest'ora non esiste/ })).toBeVisible();
  await expect(page.getByLabel('Titolo')).toHaveValue(title);
  if (js) await expectNoAxeViolations(page);

  await page.getByLabel('Inizio').fill('2030-10-27T10:00');
  await submit(page, page.getByRole('button', { name: "Crea l'incontro" }), js);
  await expect(page).toHaveURL(/\/incontri\/\d+\?salvato=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('status').filter({ hasText: 'Incontro salvato.' })).toBeVisible();
  // 10:00 in Italy after summer time ended that night.
  const when = page.getByText('domenica 27 ottobre 2030, 10:00–12:30', { exact: true });
  await expect(when).toHaveAttribute('datetime', '2030-10-27T09:00:00Z');
  await expect(page.getByText('Il piano <b>2031</b>')).toBeVisible();
  await expect(page.getByText('Nessuno ha ancora detto che parteciperà.')).toBeVisible();
  const meeting = new URL(page.url()).pathname;
  if (js) await waitForHydration(page);
  if (js) await expectNoAxeViolations(page);

  // The meeting to add to a calendar.
  const calendar = page.getByRole('link', { name: 'Aggiungi al calendario (.ics)' });
  await expect(calendar).toHaveAttribute('href', `${meeting}/incontro.ics`);
  const ics = await page.request.get(`${meeting}/incontro.ics`);
  expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(await ics.text()).toContain('DTSTART:20301027T090000Z');

  // The referent says they will attend.
  const other = await newContextLike(browser, testInfo, testInfo.project.use.baseURL);
  try {
    const referent = await other.newPage();
    await logInDemo(referent, `referente.${slug}@comtem.demo`, js);
    await openPage(referent, meeting, js);
    await submit(referent, referent.getByRole('button', { name: 'Parteciperò' }), js);
    await expect(referent.getByText('Hai detto che parteciperai.')).toBeVisible();
    await expect(referent.getByText('1 persona ha detto che parteciperà.')).toBeVisible();
    await expect(referent.getByRole('button', { name: 'Non parteciperò più' })).toBeVisible();
    if (js) await expectNoAxeViolations(referent);
  } finally {
    await other.close();
  }

  await openPage(page, meeting, js);
  const attendance = page.getByRole('region', { name: 'Partecipazione' });
  await expect(attendance.getByRole('heading', { name: 'Chi parteciperà' })).toBeVisible();
  await expect(attendance.getByRole('listitem')).toHaveCount(1);

  // Listed on /incontri and on the community's page, with their calendars.
  await openPage(page, '/incontri', js);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tutti gli incontri e le scadenze (.ics)' })).toHaveAttribute('href', '/incontri.ics');
  await openPage(page, `/comunita/${slug}`, js);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Calendario della comunità (.ics)' })).toHaveAttribute(
    'href',
    `/comunita/${slug}/incontri.ics`,
  );
  if (js) await expectNoAxeViolations(page);
});

test('visitors read the meetings and are asked to log in to attend', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  await openPage(page, '/', js);
  await expect(page.getByRole('heading', { name: 'Prossimi incontri' })).toBeVisible();
  // The home page also says today's figures.
  await expect(page.getByRole('region', { name: 'I numeri' }).getByText('Iscrizioni', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Comunità Dati: il piano del nuovo anno' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comunità Dati: il piano del nuovo anno');
  await expect(page.getByRole('link', { name: 'Accedi per dire che parteciperai.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Parteciperò' })).toHaveCount(0);
  if (js) await expectNoAxeViolations(page);
  await openPage(page, '/incontri', js);
  const past = page.getByRole('region', { name: 'Incontri passati' });
  await expect(past.getByRole('link', { name: 'Giornata di lettura trasversale dei piani' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Accedi per avere un calendario con gli incontri delle tue comunità.' })).toBeVisible();
});

/** A one-page PDF, as small as a valid PDF gets. */
function onePagePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((object, n) => {
    const offset = out.length;
    out += `${n + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

test('an organiser adds a PDF to a meeting, a file that only claims to be one is refused', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const [slug, community] = MEETING_ORGANISER[testInfo.project.name];
  const title = `Materiali ${testInfo.project.name} ${Date.now().toString(36)}`;
  await logInDemo(page, `coordinatore.${slug}@comtem.demo`, js);
  await openPage(page, '/incontri/nuovo', js);
  await fillMeeting(page, title, community, '2030-10-27T10:00');
  await submit(page, page.getByRole('button', { name: "Crea l'incontro" }), js);
  await expect(page).toHaveURL(/\/incontri\/\d+\?salvato=1$/);
  const meeting = new URL(page.url()).pathname;

  const materials = page.getByRole('region', { name: 'Materiali' });
  await materials.getByLabel('Titolo del materiale').fill('Finta presentazione');
  await materials.getByLabel('File PDF').setInputFiles({ name: 'finta.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<script>alert(1)</script>') });
  await Promise.all([page.waitForURL(/materiale=formato/), materials.getByRole('button', { name: 'Aggiungi il materiale' }).click()]);
  await expect(page.getByRole('alert').filter({ hasText: 'Non è un PDF' })).toBeVisible();

  await materials.getByLabel('Titolo del materiale').fill("Presentazione di Nicolò D'Alì");
  await materials.getByLabel('File PDF').setInputFiles({ name: 'presentazione.pdf', mimeType: 'application/pdf', buffer: onePagePdf() });
  await Promise.all([page.waitForURL(/materiale=salvato/), materials.getByRole('button', { name: 'Aggiungi il materiale' }).click()]);
  await expect(page.getByRole('status').filter({ hasText: 'Materiale aggiunto.' })).toBeVisible();
  const link = materials.getByRole('link', { name: "Presentazione di Nicolò D'Alì" });
  await expect(link).toHaveAttribute('href', `${meeting}/materiali/1.pdf`);
  if (js) await waitForHydration(page);
  if (js) await expectNoAxeViolations(page);
  const download = await page.request.get(`${meeting}/materiali/1.pdf`);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect((await download.body()).equals(onePagePdf())).toBe(true);

  await submit(page, materials.getByRole('button', { name: "Elimina «Presentazione di Nicolò D'Alì»" }), js);
  await expect(page.getByRole('status').filter({ hasText: 'Materiale eliminato.' })).toBeVisible();
  await expect(materials.getByRole('link', { name: "Presentazione di Nicolò D'Alì" })).toHaveCount(0);
});
