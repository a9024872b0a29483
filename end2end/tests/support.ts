import { expect, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Whether this project runs with JavaScript enabled. */
export const hasJavaScript = (testInfo: TestInfo) => !testInfo.project.name.endsWith('-no-js');

/** Waits until the WASM has hydrated the page (a click before that would be lost). */
export async function waitForHydration(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true', { timeout: 15_000 });
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
