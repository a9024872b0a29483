import { expect, test } from '@playwright/test';
import {
  annotateItem,
  annotationDialog,
  expectNoAxeViolations,
  hasJavaScript,
  logInDemo,
  newContextLike,
  openBoard,
  planColumn,
  receivedMail,
  uniqueText,
  waitForHydration,
} from './support';

// A mention on the board, in two browsers: the coordinator mentioned sees it on the bell at
// once; read in the site, it is never emailed; left unread, it is emailed once after the hold
// (COMTEM_NOTIFICATION_HOLD_SECS, short on the test server), with a one-click unsubscribe link
// whose page asks before turning anything off.

/** Who writes and who is mentioned, per project: demo coordinators no other spec logs in.
 * Opening the board reads all of its notifications, so two runs of this test for one reader
 * must not overlap: repeat it with `--workers=1`. */
const PEOPLE: Record<string, { writer: string; reader: string; name: string }> = {
  desktop: { writer: 'coordinatore.cittadini', reader: 'coordinatore.imprese', name: 'Stefano Cavalli' },
  mobile: { writer: 'coordinatore.documenti', reader: 'coordinatore.facilitazione-digitale', name: 'Martina Ricci' },
};

test('a mention rings the bell live, and is emailed once unless read', async ({ page, browser, baseURL }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'annotating the board needs JavaScript');
  test.setTimeout(180_000);
  const { writer, reader, name } = PEOPLE[testInfo.project.name];
  const readerEmail = `${reader}@comtem.demo`;
  const other = await newContextLike(browser, testInfo, baseURL);
  const a = await other.newPage();
  const b = page;
  try {
    await logInDemo(a, `${writer}@comtem.demo`, true);
    await logInDemo(b, readerEmail, true);
    // B stays on the profile, where the login left them.
    await waitForHydration(b);
    const bell = b.getByRole('link', { name: /^Notifiche, / });
    const unread = async () => {
      const label = (await bell.getAttribute('aria-label')) ?? '';
      return label.endsWith('nessuna da leggere') ? 0 : Number(label.match(/(\d+) da leggere$/)?.[1]);
    };
    const before = await unread();

    await openBoard(a, true, '?piano=internet-of-things');
    // The mention is typed with the type-ahead: «@» and the start of the name, then Enter.
    await planColumn(a, 'internet-of-things').getByRole('button', { name: /^Annota O1: / }).press('Enter');
    const dialog = annotationDialog(a);
    const body = dialog.getByRole('textbox', { name: 'Testo' });
    await body.pressSequentially(`Ne parliamo, @${name.slice(0, 4).toLowerCase()}`);
    const suggestions = dialog.getByRole('listbox', { name: 'Persone e gruppi da menzionare' });
    await expect(suggestions.getByRole('option', { name: `@${name}` })).toBeVisible();
    await expect(body).toHaveAttribute('aria-activedescendant', /-menzioni-0$/);
    await expectNoAxeViolations(a);
    await body.press('Enter');
    await expect(suggestions).toBeHidden();
    const tag = uniqueText(testInfo, '(letta)');
    await body.pressSequentially(`? ${tag}`);
    const read = `Ne parliamo, @${name} ? ${tag}`;
    await expect(body).toHaveValue(read);
    await dialog.getByRole('button', { name: 'Pubblica' }).click();
    await expect(dialog).toBeHidden();
    // Other tests notify this coordinator too (meetings, synergies): count relative to before.
    await expect.poll(unread, { timeout: 10_000 }).toBeGreaterThan(before);

    // Read in the site: the list links to the thread, and opening it reads the notification.
    await bell.click();
    await expect(b).toHaveURL('/notifiche');
    const line = b.getByRole('link', { name: new RegExp(`ti ha menzionato: «Ne parliamo, @${name} \\? ${tag.replace(/[()]/g, '.')}`) });
    await expect(line).toBeVisible();
    await expectNoAxeViolations(b);
    const item = b.getByRole('listitem').filter({ has: line });
    await expect(item).toContainText('da leggere');
    await line.click();
    await expect(b).toHaveURL(/\/lettura-trasversale#annotazione-[a-z0-9]+$/);
    await expect
      .poll(async () => {
        await b.goto('/notifiche');
        return (await item.textContent()) ?? '';
      })
      .not.toContain('da leggere');
    await waitForHydration(b);
    const afterReading = await unread();

    const unreadText = uniqueText(testInfo, `Anche questa per @${name} (non letta)`);
    await annotateItem(a, 'internet-of-things', 'O1', unreadText);
    await expect.poll(unread, { timeout: 10_000 }).toBeGreaterThan(afterReading);

    // After the hold, one mail: about the unread mention, none about the read one.
    const about = (text: string) => receivedMail(readerEmail).filter((mail) => mail.subject.includes(text));
    const unreadTag = unreadText.split(' ').slice(-2).join(' ');
    await expect.poll(() => about(unreadTag).length, { timeout: 75_000 }).toBe(1);
    const mail = about(unreadTag)[0];
    expect(mail.subject).toContain('ti ha menzionato');
    expect(mail.text).toMatch(/\/lettura-trasversale#annotazione-[a-z0-9]+/);
    expect(about(tag)).toHaveLength(0);
    const link = mail.text?.match(/https?:\/\/\S+\/notifiche\/disiscrizione\/[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeTruthy();
    // A few seconds more: still one.
    await b.waitForTimeout(3_000);
    expect(about(unreadTag)).toHaveLength(1);

    // The link's page asks; the button turns the mentions' mails off and says so.
    await b.goto(link!);
    await expect(b.getByText('Vuoi smettere di ricevere per email «Menzioni di te o del tuo gruppo»?')).toBeVisible();
    await expectNoAxeViolations(b);
    await b.getByRole('button', { name: 'Sì, non inviarmele più' }).click();
    await expect(b.getByRole('status')).toContainText('Fatto: non riceverai più per email «Menzioni di te o del tuo gruppo»');
    await expectNoAxeViolations(b);

    // The profile shows it, and puts it back (a repeated run starts as the first).
    await b.goto('/profilo#notifiche');
    await waitForHydration(b);
    const mentions = b.getByRole('combobox', { name: 'Menzioni di te o del tuo gruppo: Per email' });
    await expect(mentions).toHaveValue('menzione:no');
    await mentions.selectOption('menzione:subito');
    await b.getByRole('button', { name: 'Salva le preferenze' }).click();
    await expect(b).toHaveURL(/\/profilo\?notifiche=salvate#notifiche$/);
    await expect(b.getByRole('combobox', { name: 'Menzioni di te o del tuo gruppo: Per email' })).toHaveValue('menzione:subito');
  } finally {
    await other.close();
  }
});
