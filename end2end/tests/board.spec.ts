import { expect, test, type Page } from '@playwright/test';
import {
  COMMUNITIES,
  annotateItem,
  annotationDialog,
  announcements,
  boardKey,
  boardPage,
  connectionState,
  expectNoAxeViolations,
  hasJavaScript,
  logInDemo,
  newContextLike,
  openBoard,
  planColumn,
  recordAnnouncements,
  threadList,
  threadWith,
  uniqueText,
  waitForBoard,
  waitForHydration,
} from './support';

// The cross-reading board of 2024, seen by the people who may read it and by those who may
// not. The setup project moved the demo cycle to the final re-reading, when the board is still
// open for annotating.
//
// The board is shared by every test of every project, running side by side: a test only
// counts what no other test changes (the demo's annotations on the plans the board tests
// never annotate: Dati, Documenti, Cybersecurity e Cloud, Imprese, Facilitazione Digitale…) and
// finds its own annotations by a unique text. The board tests annotate only the plans of
// Internet of Things, Digital Gender Gap and Amministratori Digitali, which plans.spec.ts never
// edits. Logins: each demo account below logs in a few times per run at most (and a successful
// login resets the throttle's count: only failures add up).
//
// Buttons on the page (not in the modal form) are pressed with the keyboard: what the other
// tests do reaches this page live and moves it (news, presence, new threads on top), so a
// mouse click could land on whatever moved under the pointer. The mouse and touch paths are
// tested where they matter: the selection and the phone.

/** The demo's open annotations, the latest changed first (as the list shows them). */
const DEMO_OPEN = ['12', '05', '08', '06', '11', '04', '01'].map((n) => `demo2024nota${n}`);

/** The ids of the annotations the list shows, in order. */
const listedIds = (page: Page) =>
  threadList(page)
    .locator('article.thread')
    .evaluateAll((threads) => threads.map((t) => t.getAttribute('data-annotation')));

/** The filter form above the list. */
const filters = (page: Page) => page.locator('form.thread-filters');

// ----------------------------------------------------------------------------------------------
// Who may read it

test('a visitor is asked to log in and sees nothing of the board or its pages', async ({ page }) => {
  for (const path of ['/lettura-trasversale', '/lettura-trasversale/sinergie', '/lettura-trasversale/azioni-integrate']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(401);
    const main = page.getByRole('main');
    await expect(main.getByRole('status')).toContainText('Per vedere questa pagina devi accedere.');
    await expect(main.getByRole('link', { name: 'Accedi' })).toHaveAttribute('href', `/accedi?next=${path}`);
    await expect(page.locator('.board-column, article.thread, table, .integrated-action')).toHaveCount(0);
    await expect(main).not.toContainText('metadati documentali');
  }
});

test('a member is told the board is reserved to leads and sees none of it', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  await logInDemo(page, 'nicolo.dali@comtem.demo', js);
  expect((await page.goto('/lettura-trasversale'))?.status()).toBe(403);
  const main = page.getByRole('main');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lettura trasversale');
  await expect(main).toContainText('La lettura trasversale è riservata a coordinatori, referenti e personale della Regione.');
  await expect(main.getByRole('link', { name: 'Piani', exact: true })).toHaveAttribute('href', '/piani');
  await expect(page.locator('.board-column, article.thread')).toHaveCount(0);
  await expect(main).not.toContainText('metadati documentali');
  for (const path of ['/lettura-trasversale/sinergie', '/lettura-trasversale/azioni-integrate']) {
    expect((await page.goto(path))?.status()).toBe(403);
    await expect(main.getByRole('alert')).toContainText('Non hai i permessi per questa operazione.');
    await expect(page.locator('table, .integrated-action')).toHaveCount(0);
  }
});

test('a visitor and a member cannot write on the board, even sending the request themselves', async ({ page, browser, playwright, baseURL }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'annotating needs JavaScript');
  // A referent's annotation shows what a submit looks like.
  await logInDemo(page, 'referente.integrazioni-digitali@comtem.demo', true);
  await openBoard(page, true, '?piano=internet-of-things');
  const submitted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname.startsWith('/api/submit_board'));
  await annotateItem(page, 'internet-of-things', 'O5', uniqueText(testInfo, 'Gli aggiornamenti di sicurezza dei dispositivi sono a carico del fornitore?'));
  const request = await submitted;
  const forged = (text: string) => {
    const body = request.postDataJSON() as { chiave: string; op: { Create: { id: string; body: string } } };
    body.chiave = boardKey();
    body.op.Create.id = boardKey();
    body.op.Create.body = text;
    return { data: body, headers: { Origin: baseURL! } };
  };
  const byVisitor = uniqueText(testInfo, 'Scritta da chi non ha accesso');
  const visitor = await playwright.request.newContext({ baseURL });
  const member = await newContextLike(browser, testInfo, baseURL);
  try {
    expect((await visitor.post(request.url(), forged(byVisitor))).status()).toBe(401);
    const memberPage = await member.newPage();
    await logInDemo(memberPage, 'nicolo.dali@comtem.demo', true);
    const byMember = uniqueText(testInfo, 'Scritta da un membro');
    expect((await member.request.post(request.url(), forged(byMember))).status()).toBe(403);
    await openBoard(page, true, '?stato=tutte');
    await expect(threadWith(page, byVisitor)).toHaveCount(0);
    await expect(threadWith(page, byMember)).toHaveCount(0);
  } finally {
    await visitor.dispose();
    await member.close();
  }
});

test('a referent reads the ten plans and the demo annotations, with or without JavaScript', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  const wide = (testInfo.project.use.viewport?.width ?? 0) >= 900;
  await logInDemo(page, 'referente.cittadini@comtem.demo', js);
  await openBoard(page, js);
  await expect(page).toHaveTitle('Lettura trasversale 2024 · COMTem');
  await expect(page.getByText('Fase del ciclo: Rilettura finale')).toBeVisible();
  await expect(page.locator('.board-column h2')).toHaveText(COMMUNITIES);
  if (js) {
    await expect(connectionState(page)).toContainText('In diretta: le novità compaiono da sole');
  } else {
    await expect(boardPage(page)).not.toHaveAttribute('data-board-ready', 'true');
    await expect(connectionState(page)).toHaveAttribute('data-connection', 'offline');
    await expect(connectionState(page)).toContainText('Non collegato: ricarica la pagina per vedere le novità');
  }

  // The open annotations of each plan (the plans no board test annotates).
  const open: Record<string, [string, number]> = {
    dati: ['Dati', 0],
    documenti: ['Documenti', 1],
    'cybersecurity-e-cloud': ['Cybersecurity e Cloud', 1],
    imprese: ['Imprese', 1],
    'facilitazione-digitale': ['Facilitazione Digitale', 0],
    'integrazioni-digitali': ['Integrazioni Digitali', 0],
    cittadini: ['Cittadini', 0],
  };
  const counted = ['Nessuna annotazione aperta', '1 annotazione aperta'];
  for (const [slug, [name, n]] of Object.entries(open)) {
    await expect(planColumn(page, slug).locator('.board-open')).toHaveText(counted[n]);
    await expect(page.locator('#piano-mostrato option', { hasText: name })).toHaveText(`${name} (${n} ${n === 1 ? 'aperta' : 'aperte'})`);
  }

  // Side by side on a wide screen (the first three), one at a time on a phone.
  await expect(planColumn(page, 'internet-of-things')).toBeVisible();
  await expect(planColumn(page, 'dati')).toBeVisible({ visible: wide });
  await expect(planColumn(page, 'digital-gender-gap')).toBeVisible({ visible: wide });
  await expect(planColumn(page, 'documenti')).toBeHidden();
  await expect(planColumn(page, 'internet-of-things').getByRole('heading', { name: 'Obiettivi' })).toBeVisible();
  await expect(planColumn(page, 'internet-of-things')).toContainText('Catalogo regionale dei progetti IoT');

  // The list: the open demo annotations, newest first, with what they quote and who wrote them.
  const listed = await listedIds(page);
  expect(listed.filter((id) => id?.startsWith('demo2024'))).toEqual(DEMO_OPEN);
  const synergy = threadList(page).locator('#annotazione-demo2024nota01');
  await expect(synergy).toHaveAttribute('data-kind', 'sinergia');
  await expect(synergy).toHaveAttribute('data-status', 'aperta');
  await expect(synergy.getByRole('heading', { level: 3 })).toContainText('Sinergia');
  await expect(synergy.getByRole('blockquote', { name: 'Passo annotato' })).toHaveText('referenti open data degli enti');
  await expect(synergy).toContainText('La nostra azione sui metadati documentali');
  await expect(synergy).toContainText('di Roberta Vitali · 13 maggio 2024, ore 09:40');
  await expect(synergy.locator('.synergy-target a')).toHaveAttribute('href', '/lettura-trasversale?piano=dati#a2suk');
  await expect(synergy.locator('summary')).toHaveText('Discussione: 1 risposta');
  await expect(page.getByRole('status').filter({ hasText: /^\d+ annotazion[ei]$/ })).toBeVisible();

  // Reading a plan that is not shown, and opening an annotation from its badge.
  if (js) {
    if (wide) {
      const show = page.getByRole('checkbox', { name: 'Documenti (1 aperta)' });
      await show.press('Space');
      await expect(show).toBeChecked();
    } else {
      await page.getByLabel('Piano da leggere').selectOption('documenti');
      await expect(planColumn(page, 'internet-of-things')).toBeHidden();
    }
    const documenti = planColumn(page, 'documenti');
    await expect(documenti).toBeVisible();
    await documenti.getByRole('button', { name: '1 annotazione su questo testo: apri' }).press('Enter');
    await expect(synergy).toBeFocused();
    await expect(synergy.locator('details.discussion')).toHaveAttribute('open', '');
    await expect(synergy.locator('.replies')).toContainText('D\'accordo, il perimetro è lo stesso.');
  }
});

// ----------------------------------------------------------------------------------------------
// Synergies and integrated actions

test('the synergy matrix counts the links and lists them; the integrated actions list the accepted proposal', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  await logInDemo(page, 'referente.amministratori-digitali@comtem.demo', js);

  // The demo's synergy between Documenti and Dati, as a plain link (no JavaScript needed).
  await page.goto('/lettura-trasversale/sinergie');
  if (js) await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Matrice delle sinergie');
  const table = page.getByRole('table', { name: 'Sinergie tra i piani 2024, per coppia di comunità' });
  await expect(table.getByRole('columnheader')).toHaveText(COMMUNITIES);
  await expect(table.getByRole('rowheader')).toHaveText(COMMUNITIES);
  await expect(page.locator('#collegamenti')).toContainText('Scegli un numero nella tabella');
  const cell = table.getByRole('link', { name: '1 sinergia tra Documenti e Dati', exact: true });
  await expect(cell).toHaveText('1');
  await cell.click();
  await expect(page).toHaveURL(/\/lettura-trasversale\/sinergie\?da=documenti&a=dati#collegamenti$/);
  await expect(cell).toHaveAttribute('aria-current', 'true');
  const links = page.getByRole('region', { name: 'Sinergie tra Documenti e Dati' });
  await expect(links.locator('li.synergy-link')).toHaveCount(1);
  const link = links.locator('li[data-annotation="demo2024nota01"]');
  await expect(link).toContainText('La nostra azione sui metadati documentali');
  await expect(link.getByRole('link', { name: /^Documenti · A\d+ / })).toHaveAttribute('href', '/lettura-trasversale?piano=documenti#agyw2');
  await expect(link.getByRole('link', { name: /^Dati · A\d+ Dai metadati documentali ai dati aperti/ })).toHaveAttribute(
    'href',
    '/lettura-trasversale?piano=dati#a2suk',
  );
  await expect(link.getByRole('link', { name: 'Apri la discussione' })).toHaveAttribute(
    'href',
    '/lettura-trasversale?piano=documenti&stato=tutte#annotazione-demo2024nota01',
  );
  // The same pair the other way round, straight from the address.
  await page.goto('/lettura-trasversale/sinergie?da=dati&a=documenti');
  await expect(page.getByRole('region', { name: 'Sinergie tra Dati e Documenti' }).locator('li.synergy-link')).toHaveCount(1);

  // The demo's accepted proposal is an integrated action.
  await page.goto('/lettura-trasversale/azioni-integrate');
  if (js) await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Azioni integrate');
  const actions = page.locator('article.integrated-action');
  await expect(actions).toHaveCount(1);
  const action = page.getByRole('article', { name: 'Dati aperti su atti e procedimenti dai metadati documentali' });
  await expect(action).toContainText('Pronta per il piano generale');
  await expect(action.locator('dt', { hasText: 'Comunità capofila' }).locator('xpath=following-sibling::dd[1]')).toHaveText('Dati');
  await expect(action.locator('dt', { hasText: 'Comunità partecipanti' }).locator('xpath=following-sibling::dd[1]')).toHaveText('Dati, Documenti');
  await expect(action.locator('.linked-items').getByRole('link').first()).toHaveAttribute('href', /^\/lettura-trasversale\?piano=(dati|documenti)#/);
  const source = action.locator('li.integrated-source[data-annotation="demo2024nota02"]');
  await expect(source).toContainText('Proposta di azione integrata');
  await expect(source).toContainText('di Luca Zanetti');
  await expect(source.getByRole('link', { name: 'Apri la discussione' })).toHaveAttribute(
    'href',
    '/lettura-trasversale?piano=dati&stato=tutte#annotazione-demo2024nota02',
  );

  if (!js) return;

  // A new synergy from Amministratori Digitali O1 to Internet of Things O1.
  const pair = 'a[data-pair="amministratori-digitali:internet-of-things"]';
  await page.goto('/lettura-trasversale/sinergie');
  const before = (await page.locator(pair).count()) === 0 ? 0 : Number(await page.locator(pair).textContent());
  const text = uniqueText(testInfo, 'Sinergia sul ruolo del RTD e il catalogo IoT');
  await openBoard(page, true, '?piano=amministratori-digitali');
  await planColumn(page, 'amministratori-digitali')
    .getByRole('button', { name: 'Annota O1: Un RTD con mandato, risorse e accesso alla giunta' })
    .press('Enter');
  const dialog = annotationDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Sul piano di Amministratori Digitali');
  await expect(dialog.getByRole('figure')).toContainText('O1 Un RTD con mandato, risorse e accesso alla giunta (per intero)');
  await dialog.getByRole('radio', { name: 'Sinergia' }).check();
  await dialog.getByRole('textbox', { name: 'Testo' }).fill(text);
  // Without the other plan's item, the form says what is missing and sends nothing.
  await dialog.getByRole('button', { name: 'Pubblica' }).click();
  await expect(dialog).toContainText("Scegli l'obiettivo o l'azione dell'altro piano da collegare.");
  const target = dialog.getByRole('combobox', { name: 'Obiettivo o azione di un altro piano da collegare' });
  await expect(target).toBeFocused();
  await expect(target).toHaveAttribute('aria-invalid', 'true');
  await target.selectOption({ label: 'Internet of Things · O1 — Catalogo regionale dei progetti IoT' });
  await dialog.getByRole('button', { name: 'Pubblica' }).click();
  await expect(dialog).toBeHidden();
  const thread = threadWith(page, text);
  await expect(thread).toHaveCount(1);
  await expect(thread).toHaveAttribute('data-kind', 'sinergia');
  await expect(thread.locator('.synergy-target a')).toHaveText('Internet of Things · O1 Catalogo regionale dei progetti IoT');
  await expect(thread.locator('.synergy-target a')).toHaveAttribute('href', '/lettura-trasversale?piano=internet-of-things#o3exh');
  const id = await thread.getAttribute('data-annotation');

  await page.goto('/lettura-trasversale/sinergie');
  await waitForHydration(page);
  const after = Number(await page.locator(pair).textContent());
  expect(after).toBeGreaterThanOrEqual(before + 1);
  await page.locator(pair).click();
  await expect(page).toHaveURL(/\?da=amministratori-digitali&a=internet-of-things#collegamenti$/);
  const listed = page.getByRole('region', { name: 'Sinergie tra Amministratori Digitali e Internet of Things' });
  const mine = listed.locator(`li[data-annotation="${id}"]`);
  await expect(mine).toContainText(text);
  await expect(mine).toContainText('Aperta');
  await expect(mine.getByRole('link', { name: 'Internet of Things · O1 Catalogo regionale dei progetti IoT' })).toBeVisible();
});

// ----------------------------------------------------------------------------------------------
// Threads: resolving, reopening, filtering

test('filters by kind, community and state choose the threads, with or without JavaScript', async ({ page }, testInfo) => {
  const js = hasJavaScript(testInfo);
  await logInDemo(page, 'referente.digital-gender-gap@comtem.demo', js);
  await openBoard(page, js);
  const form = filters(page);
  const count = page.locator('.results-count');
  /** Chooses `options` (label → option) and, without JavaScript, sends the form once. */
  const choose = async (options: Record<string, string>) => {
    for (const [label, option] of Object.entries(options)) {
      await form.getByLabel(label, { exact: true }).selectOption({ label: option });
    }
    if (!js) await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: 'Filtra' }).click()]);
  };
  // Dati's resolved threads: the accepted proposal and the rejected comment.
  await choose({ 'Comunità del piano': 'Dati', Stato: 'Risolte' });
  if (!js) await expect(page).toHaveURL(/\?tipo=&comunita=dati&stato=risolte$/);
  await expect.poll(() => listedIds(page)).toEqual(['demo2024nota09', 'demo2024nota02']);
  await expect(count).toHaveText('2 annotazioni');
  await expect(form.getByLabel('Comunità del piano')).toHaveValue('dati');
  await expect(threadList(page).locator('#annotazione-demo2024nota09 .thread-status')).toContainText(
    'Respinta da Chiara Montanari, il 14 maggio 2024, ore 13:30',
  );
  await expect(threadList(page).locator('#annotazione-demo2024nota09 .thread-reason')).toContainText('Motivo: La ricognizione segue');
  await choose({ Stato: 'Aperte' });
  await expect.poll(() => listedIds(page)).toEqual([]);
  await expect(count).toHaveText('Nessuna annotazione');
  await expect(page.getByText('Nessuna annotazione corrisponde ai filtri scelti.')).toBeVisible();
  // Every proposal, whatever its state.
  await choose({ 'Comunità del piano': 'Tutte le comunità', Tipo: 'Proposta di azione integrata', Stato: 'Tutte' });
  await expect.poll(() => listedIds(page)).toEqual(['demo2024nota10', 'demo2024nota02']);
  await expect(threadList(page).locator('#annotazione-demo2024nota10')).toHaveAttribute('data-status', 'rinviata');
  await expect(threadList(page).locator('#annotazione-demo2024nota02')).toHaveAttribute('data-status', 'accolta');
  await expect(threadList(page).locator('#annotazione-demo2024nota02 .proposal-title')).toHaveText(
    'Dati aperti su atti e procedimenti dai metadati documentali',
  );
  // The synergies on Imprese's plan: the open one.
  await choose({ Tipo: 'Sinergia', 'Comunità del piano': 'Imprese' });
  await expect.poll(() => listedIds(page)).toEqual(['demo2024nota11']);
});

test('a thread is resolved with an outcome (a rejection needs a reason) and reopened', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'annotating needs JavaScript');
  await logInDemo(page, 'referente.digital-gender-gap@comtem.demo', true);
  await openBoard(page, true, '?piano=digital-gender-gap');
  const text = uniqueText(testInfo, 'Le ragazze dei laboratori STEM partecipano anche al mentoring?');
  await planColumn(page, 'digital-gender-gap').getByRole('button', { name: 'Annota O2: Ragazze e discipline STEM' }).press('Enter');
  const dialog = annotationDialog(page);
  await dialog.getByRole('radio', { name: 'Domanda' }).check();
  // An empty text is refused by the form itself.
  await dialog.getByRole('button', { name: 'Pubblica' }).click();
  await expect(dialog.locator('#annotazione-testo-errore')).toHaveText("Scrivi il testo dell'annotazione.");
  await expect(dialog.getByRole('textbox', { name: 'Testo' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Testo' }).fill(text);
  await recordAnnouncements(page);
  await dialog.getByRole('button', { name: 'Pubblica' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => announcements(page)).toContain('Annotazione pubblicata.');
  const thread = threadWith(page, text);
  await expect(thread).toHaveAttribute('data-kind', 'domanda');
  await expect(thread).toHaveAttribute('data-status', 'aperta');
  await expect(thread.getByRole('heading', { level: 3 })).toHaveText('Domanda Digital Gender Gap · O2 Ragazze e discipline STEM');
  const id = (await thread.getAttribute('data-annotation'))!;
  const mine = threadList(page).locator(`#annotazione-${id}`);

  // Filters: the kind and the community of the new thread.
  const form = filters(page);
  await form.getByLabel('Tipo', { exact: true }).selectOption({ label: 'Commento' });
  await expect(mine).toHaveCount(0);
  await form.getByLabel('Tipo', { exact: true }).selectOption({ label: 'Domanda' });
  await expect(mine).toBeVisible();
  await form.getByLabel('Comunità del piano').selectOption({ label: 'Internet of Things' });
  await expect(mine).toHaveCount(0);
  await form.getByLabel('Comunità del piano').selectOption({ label: 'Digital Gender Gap' });
  await expect(mine).toBeVisible();

  // Rejecting needs a reason.
  await mine.locator('details.discussion > summary').press('Enter');
  await mine.getByRole('button', { name: 'Risolvi' }).press('Enter');
  await expect(mine.getByRole('radio', { name: 'Accolta' })).toBeFocused();
  await mine.getByRole('radio', { name: 'Respinta' }).press('Space');
  await expect(mine.getByRole('radio', { name: 'Respinta' })).toBeChecked();
  await mine.getByRole('button', { name: "Conferma l'esito" }).press('Enter');
  await expect(mine.locator(`#motivo-${id}-errore`)).toHaveText('Campo obbligatorio.');
  await expect(mine.getByRole('textbox', { name: 'Motivo' })).toHaveAttribute('aria-invalid', 'true');
  const reason = 'Il mentoring è riservato alle professioniste degli enti.';
  await mine.getByRole('textbox', { name: 'Motivo' }).fill(reason);
  await mine.getByRole('button', { name: "Conferma l'esito" }).press('Enter');
  // Resolved, it stays in place with the focus on «Riapri» while the focus is in the list...
  await expect(mine).toHaveAttribute('data-status', 'respinta');
  await expect(mine.getByRole('button', { name: 'Riapri' })).toBeFocused();
  // ...leaves the open threads once the focus leaves the list, and shows among the resolved ones.
  await form.getByLabel('Tipo', { exact: true }).focus();
  await expect(mine).toHaveCount(0);
  await form.getByLabel('Stato', { exact: true }).selectOption({ label: 'Risolte' });
  await expect(mine).toHaveAttribute('data-status', 'respinta');
  await expect(mine.locator('.thread-status')).toContainText('Respinta da Sara Neri, il');
  await expect(mine.locator('.thread-reason')).toHaveText(`Motivo: ${reason}`);
  await expect(mine.locator('.thread-status')).not.toContainText('Aperta');
  // Reopened, it is open again, with the focus on «Risolvi».
  await mine.locator('details.discussion > summary').press('Enter');
  await mine.getByRole('button', { name: 'Riapri' }).press('Enter');
  await expect(mine).toHaveAttribute('data-status', 'aperta');
  await expect(mine.getByRole('button', { name: 'Risolvi' })).toBeFocused();
  await form.getByLabel('Stato', { exact: true }).selectOption({ label: 'Aperte' });
  await expect(mine).toHaveAttribute('data-status', 'aperta');
  await expect(mine.locator('.thread-status')).toHaveText('Aperta');
  // Once more, parked (no reason needed), as every state filter shows: the thread stayed open.
  await expect(mine.locator('details.discussion')).toHaveAttribute('open', '');
  await mine.getByRole('button', { name: 'Risolvi' }).press('Enter');
  await mine.getByRole('radio', { name: 'Rinviata' }).press('Space');
  await expect(mine.getByRole('radio', { name: 'Rinviata' })).toBeChecked();
  await mine.getByRole('button', { name: "Conferma l'esito" }).press('Enter');
  await expect(mine).toHaveAttribute('data-status', 'rinviata');
  await form.getByLabel('Stato', { exact: true }).selectOption({ label: 'Tutte' });
  await expect(mine).toHaveAttribute('data-status', 'rinviata');
  // Without JavaScript, the same filters come from the address.
  await page.goto(`/lettura-trasversale?tipo=domanda&comunita=digital-gender-gap&stato=risolte`);
  await waitForBoard(page);
  await expect(mine).toHaveAttribute('data-status', 'rinviata');
  await expect(form.getByLabel('Stato', { exact: true })).toHaveValue('risolte');
});

// ----------------------------------------------------------------------------------------------
// Annotating

test('a passage selected with the mouse is annotated with its quote', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo) || testInfo.project.name !== 'desktop', 'selecting with a mouse: desktop only');
  await logInDemo(page, 'coordinatore.amministratori-digitali@comtem.demo', true);
  await openBoard(page, true);
  const block = planColumn(page, 'internet-of-things').locator('[data-item="om87c"][data-field="descrizione"]');
  await block.scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Annota la selezione' })).toHaveCount(0);
  // Select a few words inside the objective's description, as a mouse drag would, and release.
  const quote = await block.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && (node.textContent ?? '').trim().length < 60) node = walker.nextNode();
    if (!node) throw new Error('no text to select');
    const text = node.textContent ?? '';
    const start = text.indexOf(' ') + 1;
    const end = text.indexOf(' ', start + 30);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    node.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return text.slice(start, end);
  });
  const button = page.getByRole('button', { name: 'Annota la selezione' });
  await expect(button).toBeInViewport();
  await button.click();
  const dialog = annotationDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Sul piano di Internet of Things');
  await expect(dialog.getByRole('figure')).toHaveText(`Testo annotato${quote}`);
  await expect(dialog.getByRole('textbox', { name: 'Testo' })).toBeFocused();
  const text = uniqueText(testInfo, 'Il catasto dei sensori serve anche ai piani di protezione civile.');
  await page.keyboard.type(text);
  await dialog.getByRole('button', { name: 'Pubblica' }).click();
  await expect(dialog).toBeHidden();
  const thread = threadWith(page, text);
  await expect(thread.getByRole('blockquote', { name: 'Passo annotato' })).toHaveText(quote);
  await expect(thread.getByRole('heading', { level: 3 })).toHaveText(
    'Commento Internet of Things · O2 Rete LoRaWAN e catasto dei sensori in tutti i territori',
  );
  // The passage's badge opens its (first) thread.
  const badge = block.locator('xpath=following-sibling::button[1]');
  await expect(badge).toHaveAccessibleName(/^\d+ annotazion[ei] su questo testo: apri$/);
  await badge.press('Enter');
  const opened = threadList(page).locator('article.thread:focus');
  await expect(opened).toHaveCount(1);
  await expect(opened.getByRole('heading', { level: 3 })).toHaveText(/ O2 Rete LoRaWAN e catasto dei sensori in tutti i territori$/);
});

test('on a phone a context paragraph is annotated by touch', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo) || !testInfo.project.use.hasTouch, 'touch: the phone with JavaScript only');
  await logInDemo(page, 'coordinatore.amministratori-digitali@comtem.demo', true);
  await openBoard(page, true);
  await page.getByLabel('Piano da leggere').selectOption('amministratori-digitali');
  const column = planColumn(page, 'amministratori-digitali');
  await expect(column).toBeVisible();
  await expect(planColumn(page, 'internet-of-things')).toBeHidden();
  const paragraph = column.getByRole('button', { name: /^Annota il paragrafo 2 del contesto: La comunità propone agli amministratori/ });
  await paragraph.tap();
  const dialog = annotationDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('figure')).toContainText('La comunità propone agli amministratori strumenti semplici e concreti');
  const text = uniqueText(testInfo, 'Nel kit aggiungerei una pagina sul responsabile per la transizione al digitale.');
  await dialog.getByRole('textbox', { name: 'Testo' }).fill(text);
  await dialog.getByRole('button', { name: 'Pubblica' }).tap();
  await expect(dialog).toBeHidden();
  await expect(paragraph).toBeFocused();
  const thread = threadWith(page, text);
  await expect(thread).toBeVisible();
  await expect(thread.getByRole('heading', { level: 3 })).toHaveText('Commento Amministratori Digitali · Contesto');
  await expect(thread.getByRole('blockquote', { name: 'Passo annotato' })).toContainText('La comunità propone agli amministratori');
  await expect(column.locator('.board-open')).toHaveText(/^\d+ annotazioni? apert[ae]$/);
});

test('a half-written annotation comes back after a reload, and is published once', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'annotating needs JavaScript');
  await logInDemo(page, 'coordinatore.digital-gender-gap@comtem.demo', true);
  await openBoard(page, true, '?piano=internet-of-things');
  await planColumn(page, 'internet-of-things')
    .getByRole('button', { name: 'Annota O4: Dati dei sensori aperti e interoperabili' })
    .press('Enter');
  const dialog = annotationDialog(page);
  await dialog.getByRole('radio', { name: 'Domanda' }).check();
  const text = uniqueText(testInfo, 'I dati dei sensori del traffico saranno pubblicati in tempo reale');
  await dialog.getByRole('textbox', { name: 'Testo' }).fill(text);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('comtem-annotazione-bozza'))).toContain(text);

  // Escape puts it aside: kept, with a bar to resume it, the focus back on the button.
  const annotateO4 = planColumn(page, 'internet-of-things').getByRole('button', { name: 'Annota O4: Dati dei sensori aperti e interoperabili' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(annotateO4).toBeFocused();
  const bar = page.locator('.board-set-aside');
  await expect(bar).toContainText("Hai lasciato a metà un'annotazione.");
  expect(await page.evaluate(() => localStorage.getItem('comtem-annotazione-bozza'))).toContain(text);
  await bar.getByRole('button', { name: 'Riprendila' }).press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Testo' })).toHaveValue(text);
  await expect(bar).toHaveCount(0);

  await page.reload();
  await waitForBoard(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Abbiamo ripreso l'annotazione che stavi scrivendo: controllala e pubblicala.");
  await expect(dialog.getByRole('figure')).toContainText('O4 Dati dei sensori aperti e interoperabili (per intero)');
  await expect(dialog.getByRole('textbox', { name: 'Testo' })).toHaveValue(text);
  await expect(dialog.getByRole('radio', { name: 'Domanda' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Testo' }).press('End');
  await page.keyboard.type('?');
  await dialog.getByRole('button', { name: 'Pubblica' }).click();
  await expect(dialog).toBeHidden();
  await expect(threadWith(page, text)).toHaveCount(1);
  await expect(threadWith(page, text)).toContainText(`${text}?`);
  expect(await page.evaluate(() => localStorage.getItem('comtem-annotazione-bozza'))).toBeNull();

  // Nothing comes back once published, and the board has it once.
  await page.reload();
  await waitForBoard(page);
  await expect(threadWith(page, text)).toHaveCount(1);
  await expect(dialog).toBeHidden();
});

// ----------------------------------------------------------------------------------------------
// Accessibility

test('axe-core finds no violation on the board (also with the form open), the matrix and the integrated actions', async ({ page }, testInfo) => {
  test.skip(!hasJavaScript(testInfo), 'axe-core needs JavaScript');
  await logInDemo(page, 'referente.imprese@comtem.demo', true);
  await openBoard(page, true);
  await expectNoAxeViolations(page);
  await planColumn(page, 'internet-of-things')
    .getByRole('button', { name: 'Annota O3: Requisiti comuni per l\'acquisto di sensori e piattaforme' })
    .press('Enter');
  const dialog = annotationDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'Proposta di azione integrata' }).check();
  await dialog.getByRole('button', { name: 'Pubblica' }).click();
  await expect(dialog.locator('#annotazione-titolo-errore')).toHaveText("Scrivi il titolo dell'azione integrata.");
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Annulla' }).click();
  await expect(dialog).toBeHidden();

  await page.goto('/lettura-trasversale/sinergie?da=documenti&a=dati');
  await waitForHydration(page);
  await expect(page.getByRole('region', { name: 'Sinergie tra Documenti e Dati' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/lettura-trasversale/azioni-integrate');
  await waitForHydration(page);
  await expect(page.locator('article.integrated-action')).toHaveCount(1);
  await expectNoAxeViolations(page);
});
