import { expect, test } from '@playwright/test';
import {
  annotationDialog,
  announcements,
  hasJavaScript,
  logInDemo,
  newContextLike,
  openBoard,
  planColumn,
  recordAnnouncements,
  threadWith,
  uniqueText,
} from './support';

// Two referents on the board at once, in two browsers: what one writes appears on the other's
// screen without reloading, and never disturbs what the other is typing. The first one works
// with the keyboard only.

/** How long a change may take to reach the other browser (the target is a fraction of a second;
 * this leaves room for a loaded test machine). */
const LIVE = { timeout: 5_000 };

test('what one referent writes appears live for another, without touching what they type', async ({ page, browser, baseURL }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'the live board needs JavaScript');
  const a = page;
  const other = await newContextLike(browser, testInfo, baseURL);
  const b = await other.newPage();
  try {
    await logInDemo(a, 'referente.internet-of-things@comtem.demo', true);
    await logInDemo(b, 'referente.dati@comtem.demo', true);
    await openBoard(a, true, '?piano=digital-gender-gap');
    await openBoard(b, true, '?piano=digital-gender-gap');
    await recordAnnouncements(b);
    // Each sees the other among the people connected.
    await expect(a.locator('.board-presence')).toContainText('Luca Zanetti', LIVE);
    await expect(b.locator('.board-presence')).toContainText('Elena Bertoni', LIVE);

    // A annotates an objective with the keyboard only: the «Annota» button, Enter, the kind
    // with the arrows, the text, Tab to «Pubblica», Enter.
    const first = uniqueText(testInfo, 'Le donne formate nei Punti Digitale Facile possono usare i sensori civici?');
    const annotate = planColumn(a, 'digital-gender-gap').getByRole('button', { name: 'Annota O1: Competenze digitali per le donne' });
    const bodyOfB = b.locator('#colonna-digital-gender-gap');
    const topBefore = (await bodyOfB.boundingBox())?.y;
    await annotate.focus();
    // B sees A on that plan, on a line kept for it: B's plan does not move. A is not told of A.
    await expect(planColumn(b, 'digital-gender-gap').locator('.board-viewers')).toHaveText('Qui ora: Elena Bertoni', LIVE);
    expect((await bodyOfB.boundingBox())?.y).toBe(topBefore);
    await expect(planColumn(a, 'digital-gender-gap').locator('.board-viewers')).not.toContainText('Elena Bertoni');
    await expect(a.locator('.board-presence')).not.toContainText('Elena Bertoni');
    await a.keyboard.press('Enter');
    const dialog = annotationDialog(a);
    await expect(dialog).toBeVisible();
    const body = dialog.getByRole('textbox', { name: 'Testo' });
    await expect(body).toBeFocused();
    await a.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('radio', { name: 'Commento' })).toBeFocused();
    await a.keyboard.press('ArrowRight');
    await expect(dialog.getByRole('radio', { name: 'Domanda' })).toBeChecked();
    await a.keyboard.press('Tab');
    await expect(body).toBeFocused();
    await a.keyboard.type(first);
    await a.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Pubblica' })).toBeFocused();
    await recordAnnouncements(a);
    await a.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(annotate).toBeFocused();
    await expect.poll(() => announcements(a)).toContain('Annotazione pubblicata.');
    await expect(threadWith(a, first)).toHaveCount(1);

    // B sees it without reloading, and the live region says so.
    const seen = threadWith(b, first);
    await expect(seen).toHaveCount(1, LIVE);
    await expect(seen).toHaveAttribute('data-kind', 'domanda');
    await expect(seen.getByRole('heading', { level: 3 })).toHaveText('Domanda Digital Gender Gap · O1 Competenze digitali per le donne');
    // (Read out alone, or with others' arriving in the same instant.)
    const announced = `Nuova domanda di Elena Bertoni su Digital Gender Gap: ${first}`;
    await expect
      .poll(async () => (await announcements(b)).some((said) => said === announced || /^\d+ nuove annotazioni sulla bacheca\.$/.test(said)), LIVE)
      .toBe(true);

    // B starts a reply; meanwhile A publishes another annotation, which reaches B without
    // touching the reply being typed (nor where B is typing).
    await seen.locator('details.discussion > summary').press('Enter');
    const reply = seen.getByRole('textbox', { name: 'La tua risposta' });
    await reply.focus();
    const typed = 'Sì, abbiamo previsto un modulo';
    await b.keyboard.type(typed);
    const second = uniqueText(testInfo, 'Una seconda domanda mentre l\'altro scrive');
    await planColumn(a, 'digital-gender-gap').getByRole('button', { name: 'Annota O3: Più donne nei ruoli ICT degli enti' }).press('Enter');
    await dialog.getByRole('textbox', { name: 'Testo' }).fill(second);
    await dialog.getByRole('button', { name: 'Pubblica' }).click();
    await expect(dialog).toBeHidden();
    await expect(threadWith(b, second)).toHaveCount(1, LIVE);
    await expect(reply).toHaveValue(typed);
    await expect(reply).toBeFocused();
    const rest = uniqueText(testInfo, ' sui sensori civici per le facilitatrici.');
    await b.keyboard.type(rest);
    await expect(reply).toHaveValue(typed + rest);
    await seen.getByRole('button', { name: 'Rispondi' }).press('Enter');
    await expect(reply).toHaveValue('');
    await expect(seen.locator('.replies')).toContainText(typed + rest);

    // A sees the reply live, under its annotation.
    const mine = threadWith(a, first);
    await expect(mine.locator('details.discussion > summary')).toHaveText('Discussione: 1 risposta', LIVE);
    await mine.locator('details.discussion > summary').press('Enter');
    await expect(mine.locator('.replies li.reply')).toHaveCount(1);
    await expect(mine.locator('.replies')).toContainText(`di Luca Zanetti`);
    await expect(mine.locator('.replies')).toContainText(typed + rest);
    // B's own annotation count was not touched: each thread is there once.
    await expect(threadWith(b, first)).toHaveCount(1);
    await expect(threadWith(b, second)).toHaveCount(1);
  } finally {
    await other.close();
  }
});
