import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  fillMeeting,
  hasJavaScript,
  logInDemo,
  MEETING_ORGANISER,
  openPage,
  submit,
  waitForHydration,
} from './support';
import { fixtures, readBack } from './photo-files';

// Photos on the shared demo server. In each project a coordinator organises a meeting, uploads
// two photos and a file that only claims to be one (with JavaScript one by one with a progress
// bar, without it in one form), is told which was refused and why, describes a photo and finds
// it in the gallery and on its own page; visitors see the demo's galleries and news covers, and
// a phone downloads less than a megabyte to see a gallery. No axe violations anywhere.

test('a coordinator uploads photos, describes one, and everyone finds it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const js = hasJavaScript(testInfo);
  const [slug, community] = MEETING_ORGANISER[testInfo.project.name];
  const title = `Foto ${testInfo.project.name} ${Date.now().toString(36)} di Nicolò D'Alì`;

  await logInDemo(page, `coordinatore.${slug}@comtem.demo`, js);
  await openPage(page, '/incontri/nuovo', js);
  await fillMeeting(page, title, community, '2030-10-27T10:00');
  await submit(page, page.getByRole('button', { name: "Crea l'incontro" }), js);
  await expect(page).toHaveURL(/\/incontri\/\d+\?salvato=1$/);
  const meeting = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Aggiungi foto' }).click();
  await expect(page).toHaveURL(`${meeting}/foto`);
  await expect(page.getByText('Non ci sono ancora foto di questo incontro.')).toBeVisible();
  if (js) await expectNoAxeViolations(page);

  const fixture = fixtures();
  const files = ['ruotata-con-gps.jpg', 'schermata.png', 'finta.jpg', 'vuota.jpg', 'bomba.png'];
  await page.getByLabel('Foto da caricare').setInputFiles(files.map(fixture));
  const done = page.waitForURL(/caricate=2/);
  await page.getByRole('button', { name: 'Carica le foto' }).click();
  if (js) await expect(page.getByRole('progressbar')).toBeVisible();
  await done;
  await expect(page.getByRole('status')).toHaveText(
    '2 foto caricate: scrivi qui sotto il testo alternativo per pubblicarle.',
  );
  const refused = page.getByRole('alert');
  await expect(refused).toContainText('finta.jpg: Non è una foto JPEG, PNG o WebP');
  await expect(refused).toContainText('vuota.jpg: Il file è vuoto.');
  await expect(refused).toContainText('bomba.png: La foto supera i 50 megapixel');
  const waiting = page.getByRole('region', { name: 'Foto da descrivere' });
  await expect(waiting.getByLabel('Testo alternativo')).toHaveCount(2);
  if (js) await expectNoAxeViolations(page);

  const alt = `La sala ${Date.now().toString(36)}: una lavagna rossa sopra, blu sotto`;
  await waiting.getByLabel('Testo alternativo').first().fill(alt);
  await waiting.getByLabel('Didascalia (facoltativa)').first().fill("Nicolò D'Alì presenta il piano");
  await submit(page, waiting.getByRole('button', { name: 'Salva e pubblica' }).first(), js);
  await expect(page.getByRole('status')).toHaveText('Descrizione salvata.');
  await expect(waiting.getByLabel('Testo alternativo')).toHaveCount(1);

  // Published: the gallery links to its page, where it is large, upright, with its caption.
  const photo = page.getByRole('link', { name: alt });
  await expect(photo.getByRole('img')).toHaveAttribute('srcset', /480w, .*800w$/);
  await photo.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Foto 1 di 1');
  const large = page.getByRole('img', { name: alt });
  await expect(large).toHaveAttribute('width', '800');
  await expect(large).toHaveAttribute('height', '1200');
  // The phone's photo, taken on its side with its position: upright, and nothing else left.
  const served = await readBack(page, (await large.getAttribute('src'))!);
  expect([served.width, served.height]).toEqual([480, 720]);
  expect(served.exif).toEqual({});
  expect(served.gps).toBe(false);
  expect(served.info.filter((key: string) => !key.startsWith('jfif') && key !== 'dpi')).toEqual([]);
  expect(served.top[0]).toBeGreaterThan(150);
  await expect(page.getByText("Nicolò D'Alì presenta il piano")).toBeVisible();
  if (js) await expectNoAxeViolations(page);
  // By keyboard back to the gallery, then to the meeting, which shows it too.
  await page.getByRole('link', { name: 'Torna a tutte le foto' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${meeting}/foto`);
  await page.getByRole('link', { name: "Torna all'incontro" }).click();
  await expect(page.getByRole('region', { name: 'Foto' }).getByRole('img', { name: alt })).toBeVisible();
});

test('visitors see the galleries and covers of the demo, and a phone loads little', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  let photoBytes = 0;
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname.startsWith('/foto/')) photoBytes += (await response.body()).length;
  });
  await openPage(page, '/incontri', js);
  await page.getByRole('link', { name: 'Presentazione del nuovo modello delle Comunità Tematiche' }).click();
  await page.getByRole('link', { name: 'Vedi tutte le 2 foto' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Foto: Presentazione del nuovo modello delle Comunità Tematiche',
  );
  const images = page.locator('ul.gallery img');
  await expect(images).toHaveCount(2);
  await expect(page.getByRole('img', { name: /^Una sala riunioni: sullo schermo un grafico/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Aggiungi foto' })).toHaveCount(0);
  if (js) await expectNoAxeViolations(page);
  photoBytes = 0;
  await page.reload();
  await page.waitForLoadState('networkidle');
  // Every thumbnail arrived, in the width the screen needs.
  for (const image of await images.all()) expect(await image.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  expect(photoBytes).toBeGreaterThan(0);
  expect(photoBytes).toBeLessThan(1024 * 1024);

  await openPage(page, '/notizie', js);
  await page.getByRole('link', { name: 'Presentato agli enti il nuovo modello delle Comunità Tematiche' }).click();
  await expect(page.getByRole('img', { name: /^Una sala piena: nove persone/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Foto di copertina' })).toHaveCount(0);
  if (js) await expectNoAxeViolations(page);
});

test('thirty photos go up at once, the thirty-first is refused with its reason', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const js = hasJavaScript(testInfo);
  const [slug, community] = MEETING_ORGANISER[testInfo.project.name];
  await logInDemo(page, `coordinatore.${slug}@comtem.demo`, js);
  await openPage(page, '/incontri/nuovo', js);
  await fillMeeting(page, `Trenta foto ${testInfo.project.name} ${Date.now().toString(36)}`, community, '2030-10-27T10:00');
  await submit(page, page.getByRole('button', { name: "Crea l'incontro" }), js);
  await expect(page).toHaveURL(/\/incontri\/\d+\?salvato=1$/);
  await page.getByRole('link', { name: 'Aggiungi foto' }).click();
  if (js) await waitForHydration(page);
  const webp = readFileSync(fixtures()('foto.webp'));
  const many = Array.from({ length: 31 }, (_, n) => ({ name: `foto-${n + 1}.webp`, mimeType: 'image/webp', buffer: webp }));
  await page.getByLabel('Foto da caricare').setInputFiles(many);
  const done = page.waitForURL(/caricate=/, { timeout: 90_000 });
  await page.getByRole('button', { name: 'Carica le foto' }).click();
  await done;
  await expect(page.getByRole('status')).toHaveText('30 foto caricate: scrivi qui sotto il testo alternativo per pubblicarle.');
  await expect(page.getByRole('alert')).toContainText('foto-31.webp: Al massimo 30 foto per volta');
  await expect(page.getByRole('region', { name: 'Foto da descrivere' }).getByLabel('Testo alternativo')).toHaveCount(30);
  if (js) await expectNoAxeViolations(page);
});
