import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import {
  adminStatePath,
  expectNoAxeViolations,
  hasJavaScript,
  logInDemo,
  mainNav,
  menuButton,
  menuLink,
  newContextLike,
  openBoard,
  openPage,
  planColumn,
} from './support';

// On a phone (the mobile projects: 360 × 800) the first screen shows the page, not the header.
const PUBLIC_PAGES = ['/', '/comunita', '/comunita/dati', '/iscriviti', '/accedi', '/numeri', '/calendario', '/piani/2024', '/incontri', '/notizie'];
const SCREEN = { width: 360, height: 800 };
// A line of text, at least, must show above the bottom of the first screen.
const LINE = 24;

/** The top of the first element after `start` (or inside `root` when `start` is null) that
 * shows some text of its own or is a control: where the content starts. */
async function contentTop(root: Locator, start: Locator | null): Promise<number> {
  const startHandle = start ? await start.elementHandle() : null;
  return root.evaluate((rootElement, startElement) => {
    const walker = document.createTreeWalker(rootElement, NodeFilter.SHOW_ELEMENT);
    if (startElement) walker.currentNode = startElement;
    const controls = ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'IMG', 'svg'];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node as Element;
      if (startElement?.contains(element)) continue;
      const box = element.getBoundingClientRect();
      const ownText = [...element.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent?.trim());
      if (box.height > 0 && box.width > 0 && (ownText || controls.includes(element.tagName))) return box.top;
    }
    return Number.POSITIVE_INFINITY;
  }, startHandle);
}

/** Attaches a screenshot of the first screen to the report (looked at, never compared). */
async function attachScreen(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

/** Runs axe-core with the menu closed, then open (axe-core needs JavaScript). */
async function expectAccessibleBothWays(page: Page, js: boolean) {
  if (!js) return;
  await expectNoAxeViolations(page);
  await menuButton(page).click();
  await expect(mainNav(page).getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
}

test.describe('on a phone', () => {
  test.beforeEach(({ page }, testInfo) => {
    test.skip(!testInfo.project.name.startsWith('mobile'), 'the phone projects only');
    expect(page.viewportSize()).toEqual(SCREEN);
  });

  for (const path of PUBLIC_PAGES) {
    test(`${path} shows its title and the start of its content in the first screen`, async ({ page }, testInfo) => {
      const js = hasJavaScript(testInfo);
      await openPage(page, path, js);
      await page.evaluate(() => document.fonts.ready.then(() => true));
      const h1 = page.getByRole('heading', { level: 1 });
      const title = await h1.boundingBox();
      const content = await contentTop(page.getByRole('main'), h1);
      const header = await page.getByRole('banner').boundingBox();
      testInfo.annotations.push({ type: 'first screen', description: `header ${header?.height} px, h1 at ${title?.y} px, content at ${content} px` });
      await attachScreen(page, testInfo, `first screen of ${path}`);
      expect(title!.y, 'the top of the h1').toBeLessThan(SCREEN.height - LINE);
      expect(content, 'the top of the content').toBeLessThan(SCREEN.height - LINE);
      // The account links show without opening the menu; the sections do not.
      await expect(mainNav(page).getByRole('link', { name: 'Accedi', exact: true })).toBeVisible();
      await expect(mainNav(page).getByRole('link', { name: 'Iscriviti', exact: true })).toBeVisible();
      await expect(mainNav(page).getByRole('link', { name: 'Notizie', exact: true })).toBeHidden();
      await expectAccessibleBothWays(page, js);
    });
  }

  test("the board shows the chosen plan's text in the first screen", async ({ page }, testInfo) => {
    const js = hasJavaScript(testInfo);
    await logInDemo(page, 'coordinatore.dati@comtem.demo', js);
    await expect(mainNav(page).getByRole('link', { name: /^Profilo di / })).toBeVisible();
    await openBoard(page, js, '?piano=dati');
    await page.evaluate(() => document.fonts.ready.then(() => true));
    const plan = planColumn(page, 'dati').getByRole('region').first();
    await expect(plan).toBeVisible();
    const title = await page.getByRole('heading', { level: 1 }).boundingBox();
    const text = await contentTop(plan, null);
    testInfo.annotations.push({ type: 'first screen', description: `h1 at ${title?.y} px, plan text at ${text} px` });
    await attachScreen(page, testInfo, 'first screen of the board');
    expect(title!.y, 'the top of the h1').toBeLessThan(SCREEN.height - LINE);
    expect(text, "the top of the plan's text").toBeLessThan(SCREEN.height - LINE);
    await expectAccessibleBothWays(page, js);
  });

  test('the menu opens, and a link in it leads to its page with the menu closed', async ({ page }, testInfo) => {
    const js = hasJavaScript(testInfo);
    // The login page starts the application's code for a visitor (a form it checks as typed).
    await openPage(page, '/accedi', js);
    if (js) await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const news = mainNav(page).getByRole('link', { name: 'Notizie', exact: true });
    await expect(news).toBeHidden();
    await (await menuLink(page, 'Notizie')).click();
    await expect(page).toHaveURL('/notizie');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The login's bundle does not hold the news: a new page, with the menu closed.
    if (js) expect(await page.evaluate(() => 'sameDocument' in window)).toBe(false);
    await expect(news).toBeHidden();
    await attachScreen(page, testInfo, 'after navigating from the menu');
    await expect(await menuLink(page, 'Notizie')).toHaveAttribute('aria-current', 'page');
    await expect(mainNav(page).getByRole('link', { name: 'Home', exact: true })).not.toHaveAttribute('aria-current', 'page');
    await attachScreen(page, testInfo, 'the menu open');
  });

  test("a member's menu link to a page of the same bundle changes the page in place and closes the menu", async ({ browser, baseURL }, testInfo) => {
    test.skip(!hasJavaScript(testInfo), 'changing the page in place needs JavaScript');
    // For someone signed in the news and the meetings are pages of one bundle (app::bundles).
    const context = await newContextLike(browser, testInfo, baseURL, { storageState: adminStatePath() });
    const page = await context.newPage();
    await openPage(page, '/notizie', true);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await (await menuLink(page, 'Incontri')).click();
    await expect(page).toHaveURL('/incontri');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    await expect(mainNav(page).getByRole('link', { name: 'Incontri', exact: true })).toBeHidden();
    await context.close();
  });
});

test.describe('on a wide screen', () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(!testInfo.project.name.startsWith('desktop'), 'the desktop projects only');
  });

  test('the menu shows its links without a button', async ({ page }, testInfo) => {
    const js = hasJavaScript(testInfo);
    await openPage(page, '/comunita', js);
    await expect(menuButton(page)).toBeHidden();
    for (const name of ['Home', 'Comunità', 'Piani', 'Calendario', 'Incontri', 'Notizie', 'Lettura trasversale', 'I numeri', 'Accedi', 'Iscriviti']) {
      await expect(mainNav(page).getByRole('link', { name, exact: true })).toBeVisible();
    }
    await expect(mainNav(page).getByRole('link', { name: 'Comunità', exact: true })).toHaveAttribute('aria-current', 'page');
    await mainNav(page).getByRole('link', { name: 'I numeri', exact: true }).click();
    await expect(page).toHaveURL('/numeri');
    await expect(mainNav(page).getByRole('link', { name: 'I numeri', exact: true })).toHaveAttribute('aria-current', 'page');
    await attachScreen(page, testInfo, 'the header on a wide screen');
    if (js) await expectNoAxeViolations(page);
  });
});
