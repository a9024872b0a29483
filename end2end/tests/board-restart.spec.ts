import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  annotateItem,
  boardKey,
  connectionState,
  freePort,
  logInDemo,
  newContextLike,
  openBoard,
  startServer,
  stopServer,
  threadWith,
  uniqueText,
  type OwnServer,
} from './support';

// The server dies (SIGKILL) under an open board and comes back on the same database: the board
// says it is reconnecting, reconnects by itself and catches up on everything made meanwhile,
// with nothing lost and nothing twice. The test runs its own server (the suite's must stay up),
// on a fresh SQLite file whose demo cycle stands in the cross-reading; once per run.

test('after the server is killed and restarted, an open board catches up on everything, once', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'starts its own server: once per run, on the desktop');
  test.setTimeout(180_000);
  const root = resolve(dirname(testInfo.config.configFile!), '..');
  const dir = mkdtempSync(join(tmpdir(), 'comtem-board-restart-'));
  const port = await freePort();
  const databaseUrl = `sqlite:${join(dir, 'board.db')}?mode=rwc`;
  const servers: OwnServer[] = [];
  const start = async (name: string) => {
    const server = await startServer({ root, port, databaseUrl, dir, name });
    servers.push(server);
    return server;
  };
  const server = await start('first');
  const contextA = await newContextLike(browser, testInfo, server.url);
  const contextB = await newContextLike(browser, testInfo, server.url);
  try {
    const a = await contextA.newPage();
    const b = await contextB.newPage();
    await logInDemo(a, 'coordinatore.dati@comtem.demo', true);
    await logInDemo(b, 'referente.documenti@comtem.demo', true);
    await openBoard(a, true);
    await openBoard(b, true);
    await expect(a.getByText('Fase del ciclo: Lettura trasversale')).toBeVisible();

    // B annotates once through the page, which shows how its submits look; A sees it live.
    const submitted = b.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname.startsWith('/api/submit_board'));
    const before = uniqueText(testInfo, 'Prima del riavvio');
    await annotateItem(b, 'internet-of-things', 'O1', before);
    const request = await submitted;
    const template = request.postDataJSON() as { chiave: string; op: { Create: { id: string; body: string } } };
    expect(template.op.Create.body).toBe(before);
    await expect(threadWith(a, before)).toHaveCount(1, { timeout: 5_000 });

    /** Sends a new annotation saying `text` from B's session, as the page would; `again`
     * resends an earlier submit with its key (a retry after a network error). */
    const sent: (typeof template)[] = [];
    const post = async (text: string, again?: typeof template) => {
      const body = again ?? structuredClone(template);
      if (!again) {
        body.chiave = boardKey();
        body.op.Create.id = boardKey();
        body.op.Create.body = text;
        sent.push(body);
      }
      const answer = await contextB.request.post(request.url(), { data: body, headers: { Origin: server.url } });
      expect(answer.status(), await answer.text()).toBe(200);
      return body.op.Create.id;
    };

    // Killed: A says it is reconnecting.
    await stopServer(servers[0], 'SIGKILL');
    await expect(connectionState(a)).toHaveAttribute('data-connection', /^(reconnecting|offline)$/, { timeout: 10_000 });
    await expect(connectionState(a)).toContainText(/Riconnessione in corso…|Non in linea: nuovo tentativo automatico/);
    // Past A's first retries (after 1 and 2 s: the next comes 4 s later), the server comes
    // back on the same database and two annotations are made before A is back.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    await start('second');
    const missed = [uniqueText(testInfo, 'Durante la disconnessione, uno'), uniqueText(testInfo, 'Durante la disconnessione, due')];
    const ids = [await post(missed[0]), await post(missed[1])];
    testInfo.annotations.push({
      type: 'connection of A while the first two were made',
      description: (await connectionState(a).getAttribute('data-connection')) ?? '',
    });

    // A reconnects by itself, without a reload, then a third one arrives live.
    await expect(connectionState(a)).toHaveAttribute('data-connection', 'live', { timeout: 40_000 });
    await expect(connectionState(a)).toContainText('In diretta: le novità compaiono da sole');
    const after = uniqueText(testInfo, 'Dopo la riconnessione');
    ids.push(await post(after));
    // The same submit again, as after a network error: applied once.
    await post(after, sent[2]);

    for (const [i, text] of [...missed, after].entries()) {
      await expect(threadWith(a, text)).toHaveCount(1, { timeout: 5_000 });
      await expect(a.locator(`[data-annotation="${ids[i]}"]`)).toHaveCount(1);
    }
    await expect(threadWith(a, before)).toHaveCount(1);
    // Nothing twice in the list as a whole either.
    const listed = await a.locator('ol.thread-list article.thread').evaluateAll((ts) => ts.map((t) => t.getAttribute('data-annotation')));
    expect(new Set(listed).size).toBe(listed.length);
    // And a reload shows the same.
    await openBoard(a, true);
    for (const text of [before, ...missed, after]) await expect(threadWith(a, text)).toHaveCount(1);
  } finally {
    await contextA.close();
    await contextB.close();
    for (const server of servers) await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
