import { expect, test } from '@playwright/test';
import {
  adminStatePath,
  expectNoAxeViolations,
  fillMeeting,
  hasJavaScript,
  MEETING_ORGANISER,
  newPerson,
  openPage,
  signUpConfirmed,
  submit,
  waitForHydration,
} from './support';

// Notifications on the shared demo server. In each project a new member of a community keeps a
// page open while regional staff, in another browser, organise a meeting of that community:
// with JavaScript the member's bell counts it at once; the list says what happened and links to
// it; reading the meeting reads its notification. The member then turns meetings off under the
// bell, and the next meeting is not counted. No axe violations on the list and the preferences.

test('a member is told of a meeting of their community, live, and chooses what to be told', async ({ browser, page }, testInfo) => {
  test.setTimeout(120_000);
  const js = hasJavaScript(testInfo);
  const [slug, community] = MEETING_ORGANISER[testInfo.project.name];
  await signUpConfirmed(page, newPerson(testInfo, { communities: [community] }), js);
  await openPage(page, `/comunita/${slug}`, js);
  const bell = page.getByRole('link', { name: /^Notifiche, / });
  // Other tests organise meetings of the same community meanwhile: count relative to now.
  const unread = async () => {
    const name = (await bell.getAttribute('aria-label')) ?? '';
    return name.endsWith('nessuna da leggere') ? 0 : Number(name.match(/(\d+) da leggere$/)?.[1]);
  };
  const before = await unread();

  // Regional staff organise (their session was saved by the setup project).
  const { baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, javaScriptEnabled } = testInfo.project.use;
  const admin = await browser.newContext({
    baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, javaScriptEnabled,
    storageState: adminStatePath(),
  });
  const organise = async (title: string) => {
    const other = await admin.newPage();
    await openPage(other, '/incontri/nuovo', js);
    await fillMeeting(other, title, community, '2030-10-27T10:00');
    await submit(other, other.getByRole('button', { name: "Crea l'incontro" }), js);
    await expect(other).toHaveURL(/\/incontri\/\d+\?salvato=1$/);
    await other.close();
  };
  const line = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Nuovo incontro: ${title}` }) });
  try {
    const title = `Incontro ${testInfo.project.name} ${Date.now().toString(36)} di Nicolò D'Alì`;
    await organise(title);
    // With JavaScript the open page counts it without a reload.
    if (!js) await page.reload();
    await expect.poll(unread).toBeGreaterThan(before);

    await bell.click();
    await expect(page).toHaveURL('/notifiche');
    if (js) await waitForHydration(page);
    await expect(page.getByText(/^\d+ notific(a|he) da leggere\.$/)).toBeVisible();
    await expect(line(title)).toContainText('da leggere');
    if (js) await expectNoAxeViolations(page);
    await line(title).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    // Reading the meeting read its notification.
    await openPage(page, '/notifiche', js);
    await expect(line(title)).toBeVisible();
    await expect(line(title)).not.toContainText('da leggere');

    // Meetings off under the bell: the next one is not listed.
    await openPage(page, '/profilo', js);
    const preferences = page.getByRole('region', { name: 'Notifiche' });
    await preferences.getByRole('checkbox', { name: 'Nuovi incontri nelle tue comunità: Nel sito' }).uncheck();
    await preferences.getByRole('radio', { name: 'Ogni giorno alle 7:00' }).check();
    if (js) await expectNoAxeViolations(page);
    await submit(page, preferences.getByRole('button', { name: 'Salva le preferenze' }), js);
    await expect(preferences.getByRole('status')).toHaveText('Preferenze delle notifiche salvate.');
    await expect(preferences.getByRole('checkbox', { name: 'Nuovi incontri nelle tue comunità: Nel sito' })).not.toBeChecked();
    await expect(preferences.getByRole('radio', { name: 'Ogni giorno alle 7:00' })).toBeChecked();
    const unseen = `Non contato ${testInfo.project.name} ${Date.now().toString(36)}`;
    await organise(unseen);
    await openPage(page, '/notifiche', js);
    await expect(line(title)).toBeVisible();
    await expect(line(unseen)).toHaveCount(0);
  } finally {
    await admin.close();
  }
});
