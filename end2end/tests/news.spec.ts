import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, hasJavaScript, logInDemo, newContextLike, openPage, submit, waitForHydration } from './support';
import { fixtures, readBack } from './photo-files';

// News on the shared demo server. In each project a different community's coordinator writes a
// draft, which visitors cannot see, then publishes it; it appears on /notizie and on the
// community's page, whose heads announce their Atom feeds. Every page involved has no axe
// violations, on a phone and a desktop, with and without JavaScript.

const COMMUNITY: Record<string, [string, string]> = {
  desktop: ['digital-gender-gap', 'Digital Gender Gap'],
  mobile: ['integrazioni-digitali', 'Integrazioni Digitali'],
  'desktop-no-js': ['facilitazione-digitale', 'Facilitazione Digitale'],
  'mobile-no-js': ['internet-of-things', 'Internet of Things'],
};

test('a coordinator drafts and publishes news for their community', async ({ browser, page }, testInfo) => {
  test.setTimeout(90_000);
  const js = hasJavaScript(testInfo);
  const [slug, community] = COMMUNITY[testInfo.project.name];
  // Unique in the run, also when repeated.
  const title = `Notizia ${testInfo.project.name} ${Date.now().toString(36)} <script>alert(1)</script> di Nicolò D'Alì`;

  await logInDemo(page, `coordinatore.${slug}@comtem.demo`, js);
  await openPage(page, '/notizie', js);
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', '/notizie.atom');
  if (js) await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Nuova notizia' }).click();
  await expect(page).toHaveURL(/\/notizie\/nuova$/);
  if (js) await waitForHydration(page);
  await page.getByLabel('Titolo').fill(title);
  await page.getByLabel('Sommario').fill('Il primo incontro della comunità.');
  await page.getByLabel('Testo').fill('Un **bel** incontro.\n\n- primo punto\n- <i>secondo</i>');
  await page.getByRole('checkbox', { name: community, exact: true }).check();
  await page.getByRole('radio', { name: /^Bozza/ }).check();
  if (js) await expectNoAxeViolations(page);
  await submit(page, page.getByRole('button', { name: 'Salva la notizia' }), js);
  await expect(page).toHaveURL(/\/notizie\/\d+\?salvata=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText(/^Bozza/)).toBeVisible();
  const post = new URL(page.url()).pathname;

  // A visitor does not even learn that the draft exists.
  const visitor = await newContextLike(browser, testInfo, testInfo.project.use.baseURL);
  try {
    const other = await visitor.newPage();
    const response = await other.goto(post);
    expect(response?.status()).toBe(404);
  } finally {
    await visitor.close();
  }

  await openPage(page, post, js);
  await page.getByRole('link', { name: 'Modifica la notizia' }).click();
  if (js) await waitForHydration(page);
  await expect(page.getByLabel('Titolo')).toHaveValue(title);
  await page.getByRole('radio', { name: 'Pubblicata' }).check();
  await submit(page, page.getByRole('button', { name: 'Salva la notizia' }), js);
  await expect(page).toHaveURL(/\/notizie\/\d+\?salvata=1$/);
  await expect(page.getByText(/Pubblicata [a-zì]+ \d+ /)).toBeVisible();
  await expect(page.getByText('<i>secondo</i>')).toBeVisible();
  if (js) await waitForHydration(page);
  if (js) await expectNoAxeViolations(page);

  // A cover: a file that only claims to be a photo is refused and changes nothing; the phone's
  // photo goes up upright and without its position, and shows at the top of the post.
  const cover = page.getByRole('region', { name: 'Foto di copertina' });
  const fixture = fixtures();
  const alt = `Copertina ${Date.now().toString(36)}: una lavagna rossa sopra, blu sotto`;
  const sendCover = async (file: string, outcome: RegExp) => {
    await cover.getByLabel('Testo alternativo').fill(alt);
    await cover.getByLabel('Foto da caricare').setInputFiles(fixture(file));
    await Promise.all([page.waitForURL(outcome), cover.getByRole('button', { name: 'Salva la copertina' }).click()]);
  };
  await sendCover('finta.jpg', /\?copertina=formato$/);
  await expect(cover.getByRole('alert')).toContainText('Non è una foto JPEG, PNG o WebP');
  await expect(page.getByRole('img', { name: alt })).toHaveCount(0);
  await sendCover('ruotata-con-gps.jpg', /\?copertina=salvata$/);
  await expect(cover.getByRole('status')).toHaveText('Copertina salvata.');
  const image = page.getByRole('img', { name: alt });
  await expect(image).toHaveAttribute('srcset', /480w, .*800w$/);
  const served = await readBack(page, (await image.getAttribute('src'))!);
  expect(served.height).toBeGreaterThan(served.width);
  expect(served.gps).toBe(false);
  expect(served.exif).toEqual({});
  if (js) await waitForHydration(page);
  if (js) await expectNoAxeViolations(page);

  await openPage(page, '/notizie', js);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await openPage(page, `/comunita/${slug}`, js);
  await expect(page.getByRole('region', { name: 'Notizie della comunità' }).getByRole('link', { name: title })).toBeVisible();
  await expect(page.locator(`head link[rel="alternate"][href="/comunita/${slug}/notizie.atom"]`)).toHaveCount(1);
  const feed = await page.request.get(`/comunita/${slug}/notizie.atom`);
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(await feed.text()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
});

test('visitors read the demo news from the home page', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  await openPage(page, '/', js);
  await expect(page.getByRole('region', { name: 'Ultime notizie' }).getByRole('listitem')).toHaveCount(3);
  await page.getByRole('link', { name: 'Tutte le notizie' }).click();
  await page.getByRole('link', { name: 'Le Comunità Tematiche in numeri, al 6 maggio' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le Comunità Tematiche in numeri, al 6 maggio');
  await expect(page.getByText(/Pubblicata martedì 7 maggio 2024/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Modifica la notizia' })).toHaveCount(0);
  if (js) await waitForHydration(page);
  if (js) await expectNoAxeViolations(page);
});
