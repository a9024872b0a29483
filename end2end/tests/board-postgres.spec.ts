import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  annotateItem,
  freePort,
  logInDemo,
  newContextLike,
  openBoard,
  startServer,
  stopServer,
  threadWith,
  uniqueText,
  waitForBoard,
  type OwnServer,
} from './support';

// Two server instances on one PostgreSQL database, behind two ports: a referent on one and a
// coordinator on the other see each other's changes live (LISTEN/NOTIFY wakes the other
// instance, the events table is the truth). Runs its own servers on a fresh database, once per
// run; skipped when PostgreSQL does not answer, unless COMTEM_REQUIRE_POSTGRES=1.

const PG_HOST = process.env.COMTEM_E2E_PG_HOST ?? '127.0.0.1';
const PG_PORT = process.env.COMTEM_E2E_PG_PORT ?? '5432';
const PG_USER = process.env.COMTEM_E2E_PG_USER ?? 'postgres';

/** Runs one SQL statement with psql on the maintenance database; throws if it fails. */
function psql(sql: string) {
  const run = spawnSync('psql', ['-h', PG_HOST, '-p', PG_PORT, '-U', PG_USER, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (run.status !== 0) throw new Error(`psql ${sql}: ${run.stderr || run.error}`);
}

/** Whether PostgreSQL answers. */
function postgresAnswers() {
  const run = spawnSync('pg_isready', ['-h', PG_HOST, '-p', PG_PORT], { timeout: 10_000 });
  return run.status === 0;
}

test('two instances on PostgreSQL share the board live', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'starts its own servers: once per run, on the desktop');
  const required = process.env.COMTEM_REQUIRE_POSTGRES === '1';
  const answers = postgresAnswers();
  test.skip(!answers && !required, `PostgreSQL does not answer on ${PG_HOST}:${PG_PORT}`);
  expect(answers, `PostgreSQL must answer on ${PG_HOST}:${PG_PORT} (COMTEM_REQUIRE_POSTGRES=1)`).toBe(true);
  test.setTimeout(180_000);

  const root = resolve(dirname(testInfo.config.configFile!), '..');
  const dir = mkdtempSync(join(tmpdir(), 'comtem-board-pg-'));
  const database = `comtem_e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const databaseUrl = `postgres://${PG_USER}@${PG_HOST}:${PG_PORT}/${database}`;
  psql(`CREATE DATABASE ${database}`);
  const servers: OwnServer[] = [];
  const contexts: Awaited<ReturnType<typeof newContextLike>>[] = [];
  try {
    // One after the other: the first loads the demo into the empty database.
    for (const name of ['pg-one', 'pg-two']) {
      servers.push(await startServer({ root, port: await freePort(), databaseUrl, dir, name }));
    }
    const [one, two] = servers;
    const pageOn = async (server: OwnServer) => {
      const context = await newContextLike(browser, testInfo, server.url);
      contexts.push(context);
      return context.newPage();
    };
    const a = await pageOn(one);
    const b = await pageOn(two);
    // Sessions are rows of the shared database: each logs in on its own instance.
    await logInDemo(a, 'coordinatore.dati@comtem.demo', true);
    await logInDemo(b, 'referente.imprese@comtem.demo', true);
    await openBoard(a, true);
    await openBoard(b, true);
    await expect(a.getByText('Fase del ciclo: Lettura trasversale')).toBeVisible();
    // Each sees who follows the board through the other instance.
    await expect(a.locator('.board-presence')).toContainText('Laura Pellegrini', { timeout: 10_000 });
    await expect(b.locator('.board-presence')).toContainText('Chiara Montanari', { timeout: 10_000 });

    // A annotates through instance one; B, on instance two, sees it live.
    const text = uniqueText(testInfo, 'Annotazione da una istanza all\'altra');
    await annotateItem(a, 'internet-of-things', 'O1', text);
    await expect(threadWith(a, text)).toHaveCount(1);
    const seen = threadWith(b, text);
    await expect(seen).toHaveCount(1, { timeout: 5_000 });
    await expect(seen).toContainText('di Chiara Montanari');

    // B replies through instance two; A sees the reply live.
    await seen.locator('details.discussion > summary').press('Enter');
    const reply = uniqueText(testInfo, 'Risposta dall\'altra istanza');
    await seen.getByRole('textbox', { name: 'La tua risposta' }).fill(reply);
    await seen.getByRole('button', { name: 'Rispondi' }).press('Enter');
    const mine = threadWith(a, text);
    await expect(mine.locator('details.discussion > summary')).toHaveText('Discussione: 1 risposta', { timeout: 5_000 });
    await expect(mine.locator('.replies')).toContainText(reply);

    // A session works on either instance: A's cookie is sent to instance two too (cookies are
    // per host, not per port), and the board there knows who A is.
    const onTwo = await a.context().newPage();
    await onTwo.goto(`${two.url}/lettura-trasversale`);
    await waitForBoard(onTwo);
    await expect(onTwo.getByRole('heading', { level: 1 })).toHaveText('Lettura trasversale 2024');
    await expect(threadWith(onTwo, text)).toHaveCount(1);
  } finally {
    for (const context of contexts) await context.close();
    for (const server of servers) await stopServer(server);
    psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  }
});
