import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, fillSignUp, hasJavaScript, newPerson, signUpButton, submit } from './support';

// The application's code (its JavaScript glue, then its WASM) failing to arrive: the page says so
// and goes on working as the server rendered it, as without JavaScript.
for (const part of ['js', 'wasm']) {
  test(`a page whose ${part} fails to load says so and still works`, async ({ page }, testInfo) => {
    test.skip(!hasJavaScript(testInfo), 'without JavaScript no page loads code');
    await page.route(`**/pkg/*.${part}`, (route) => route.abort());
    await page.goto('/iscriviti');
    const notice = page.getByRole('alert').filter({ hasText: 'Non è stato possibile avviare le funzioni interattive' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('puoi continuare a usarla');
    await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
    await expectNoAxeViolations(page);

    await fillSignUp(page, newPerson(testInfo), false);
    await submit(page, signUpButton(page), false);
    await expect(page).toHaveURL(/\/iscriviti\/fatto$/);
  });
}
