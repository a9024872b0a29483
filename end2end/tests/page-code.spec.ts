import { expect, test, type Page } from '@playwright/test';
import { hasJavaScript, logInDemo, mainNav, menuLink, startsCode, waitForHydration } from './support';

/** The application's code requested by `page` from now on. */
function codeRequests(page: Page) {
  const requested: string[] = [];
  page.on('request', (request) => {
    if (/\/pkg\/.+\.(wasm|js)$/.test(new URL(request.url()).pathname)) requested.push(request.url());
  });
  return requested;
}

test('a visitor reads a community page without the application code, and its links work', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'without JavaScript no page downloads code');
  const requested = codeRequests(page);
  await page.goto('/comunita/dati', { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dati');
  expect(await startsCode(page)).toBe(false);
  expect(requested).toEqual([]);
  await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');

  // Its "join" link leads to the signup form, which has the code and its type-ahead.
  await page.getByRole('link', { name: 'Iscriviti a questa comunità' }).click();
  await expect(page).toHaveURL(/\/iscriviti\?comunita=dati$/);
  await waitForHydration(page);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  expect(requested.some((url) => url.endsWith('/pkg/comtem-signup.wasm'))).toBe(true);
});

test('a visitor gets the code of the page in front of them, and each page they go to brings its own', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'without JavaScript no page downloads code');
  const requested = codeRequests(page);
  const paths = () => requested.map((url) => new URL(url).pathname);
  await page.goto('/iscriviti');
  await waitForHydration(page);
  expect(paths()).toEqual(['/pkg/comtem-signup.js', '/pkg/comtem-signup.wasm']);
  // The bundle does what the page does: the type-ahead answers.
  await page.getByRole('combobox', { name: 'Ente', exact: true }).fill('Castel San');
  await expect(page.getByRole('listbox', { name: 'Ente', exact: true }).getByRole('option').first()).toBeVisible();

  // A page the signup's bundle does not hold: loaded from the server, with the login's bundle.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await mainNav(page).getByRole('link', { name: 'Accedi', exact: true }).click();
  await expect(page).toHaveURL(/\/accedi$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accedi');
  await expect.poll(paths).toContain('/pkg/comtem-login.wasm');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(false);
  expect(paths()).not.toContain('/pkg/comtem.wasm');

  // "Back" returns to the signup form, as after any page load.
  await page.goBack();
  await expect(page).toHaveURL(/\/iscriviti$/);
  await expect(page.getByRole('combobox', { name: 'Ente', exact: true })).toBeVisible();
});

test('a member gets the code of the pages a visitor reads without it, and the board its own', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'without JavaScript no page downloads code');
  await logInDemo(page, 'coordinatore.dati@comtem.demo', true);
  const requested = codeRequests(page);
  const paths = () => requested.map((url) => new URL(url).pathname);
  await page.goto('/comunita/dati');
  expect(await startsCode(page)).toBe(true);
  await waitForHydration(page);
  expect(paths()).toEqual(['/pkg/comtem-reading.js', '/pkg/comtem-reading.wasm']);
  // The board is in a bundle of its own: a new page, without the whole application.
  await (await menuLink(page, 'Lettura trasversale')).click();
  await expect(page).toHaveURL(/\/lettura-trasversale$/);
  await waitForHydration(page);
  await expect.poll(paths).toContain('/pkg/comtem-board.wasm');
  expect(paths()).not.toContain('/pkg/comtem.wasm');
});

test('a visitor gets only the countdown code where the countdown is the only live part, and it follows the clock', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'without JavaScript no page downloads code');
  const requested = codeRequests(page);
  const paths = () => requested.map((url) => new URL(url).pathname);
  // The browser's clock four days before the 2024 deadline (24 May), which the server's has passed.
  await page.clock.setFixedTime(new Date('2024-05-20T10:00:00+02:00'));
  for (const path of ['/', '/calendario', '/piani/2024']) {
    requested.length = 0;
    await page.goto(path);
    await waitForHydration(page);
    expect(paths(), path).toEqual(['/pkg/comtem-countdown.js', '/pkg/comtem-countdown.wasm']);
    await expect(page.locator('.countdown').first()).toHaveText(/^Tempo rimasto: 4 giorni e \d+ or[ae]$/);
  }
  // It counts every second: a week later the deadline has passed.
  await page.clock.setFixedTime(new Date('2024-06-01T10:00:00+02:00'));
  await expect(page.locator('.countdown').first()).toHaveText(/^Scadenza superata da [78] giorni e \d+ or[ae]$/);
  await expect(page.locator('.countdown').first()).toHaveClass(/overdue/);

  // The general plan: the same code; a link to a part of the page leaves it live, a link to
  // another page does not until that page's own code has started.
  requested.length = 0;
  await page.goto('/piano-generale/2023');
  await waitForHydration(page);
  expect(paths()).toEqual(['/pkg/comtem-countdown.js', '/pkg/comtem-countdown.wasm']);
  await page.getByRole('navigation', { name: 'Indice' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/piano-generale\/2023#.+/);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('link', { name: 'Piani delle attività 2023' }).first().click();
  await expect(page).toHaveURL(/\/piani\/2023$/);
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Piani delle attività 2023');
});
