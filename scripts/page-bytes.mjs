// What each page makes a phone download until it is interactive: Chromium (Pixel 5 at
// 360 × 800) opens the page and waits until the application has taken over (`data-hydrated` on
// <html>) or, on a page that sends no application code, until the network is quiet; every
// response it received is then fetched again with `Accept-Encoding: br` and counted as the server
// sends it (Chromium asks plain-HTTP servers for gzip only). Budgets for the code (WASM + JS +
// CSS): 250 KiB on public pages, 450 KiB on the board, the plan editor, the admin pages and the
// members' other pages.
// Usage: node scripts/page-bytes.mjs BASE_URL (a demo server: COMTEM_DEMO=1). Exit code 1 if a
// page is over its budget.
import { request as httpRequest } from 'node:http';
import { chromium, devices } from 'playwright';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const PUBLIC_BUDGET = 250;
const MEMBER_BUDGET = 450;
const PASSWORD = 'comtem-demo-2024';

/** Pages a visitor reads, then pages for the people who work in them, with their budgets. */
const pages = [
  ...['/', '/comunita', '/comunita/dati', '/iscriviti', '/accedi', '/numeri', '/calendario'].map(visitor),
  ...['/piani/2024', '/piani/2023', '/piano-generale/2023', '/incontri', '/incontri/1'].map(visitor),
  ...['/notizie', '/notizie/1', '/privacy', '/accessibilita', '/note-legali'].map(visitor),
  ...['/lettura-trasversale', '/piani/2024/dati/modifica', '/profilo', '/comunita/dati'].map(coordinator),
  ...['/amministrazione', '/notizie/nuova', '/piano-generale/2024/modifica'].map(admin),
];

function coordinator(path) {
  return { path, as: 'coordinatore.dati@comtem.demo', budget: MEMBER_BUDGET };
}

function admin(path) {
  return { path, as: 'admin@comtem.demo', budget: MEMBER_BUDGET };
}

function visitor(path) {
  return { path, as: null, budget: PUBLIC_BUDGET };
}

/** The bytes of the body the server sends for `url` when asked for brotli. */
function servedBytes(url, cookie) {
  return new Promise((resolve, reject) => {
    const headers = { 'Accept-Encoding': 'br', ...(cookie ? { Cookie: cookie } : {}) };
    httpRequest(url, { headers, timeout: 30_000 }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => resolve(bytes));
    })
      .on('error', reject)
      .on('timeout', () => reject(new Error(`no answer for ${url}`)))
      .end();
  });
}

function kindOf(url, contentType) {
  const path = new URL(url).pathname;
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.js') || contentType.includes('javascript')) return 'js';
  if (path.endsWith('.css') || contentType.includes('css')) return 'css';
  if (contentType.includes('html')) return 'html';
  if (path.startsWith('/fonts/')) return 'fonts';
  return 'other';
}

/** Logs `email` in through the login form and returns the session's cookie header. */
async function logIn(browser, email) {
  const context = await browser.newContext({ baseURL: base, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/accedi');
  const form = page.getByRole('region', { name: 'Con la password' });
  await form.getByLabel('Email di lavoro').fill(email);
  await form.getByLabel('Password').fill(PASSWORD);
  await Promise.all([page.waitForURL(/\/profilo$/), form.getByRole('button', { name: 'Accedi' }).click()]);
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}

async function measure(browser, { path, as }, sessions) {
  const context = await browser.newContext({ ...devices['Pixel 5'], viewport: { width: 360, height: 800 }, baseURL: base });
  if (as) await context.addCookies(sessions.get(as));
  const cookie = as ? sessions.get(as).map((c) => `${c.name}=${c.value}`).join('; ') : null;
  const page = await context.newPage();
  const seen = [];
  page.on('response', (response) => seen.push([response.url(), response.headers()['content-type'] ?? '']));
  const started = Date.now();
  await page.goto(path, { waitUntil: 'load' });
  const hasCode = (await page.locator('script[type="module"]').count()) > 0;
  if (hasCode) await page.locator('html[data-hydrated="true"]').waitFor({ timeout: 60_000 });
  else await page.waitForLoadState('networkidle');
  const interactiveMs = Date.now() - started;
  await context.close();
  const bytes = { wasm: 0, js: 0, css: 0, html: 0, fonts: 0, other: 0 };
  for (const [url, type] of seen) {
    // Live streams (the bell's events) never end: they are not part of loading the page.
    if (!url.startsWith(base) || type.includes('event-stream')) continue;
    bytes[kindOf(url, type)] += await servedBytes(url, cookie);
  }
  return { bytes, interactiveMs, hasCode };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
let over = 0;
try {
  const sessions = new Map();
  for (const email of new Set(pages.map((p) => p.as).filter(Boolean))) sessions.set(email, await logIn(browser, email));
  const kib = (n) => (n / 1024).toFixed(1).padStart(7);
  console.log('| page | as | WASM | JS | CSS | code | budget | HTML | fonts | other | interactive after |');
  console.log('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const spec of pages) {
    const { bytes, interactiveMs, hasCode } = await measure(browser, spec, sessions);
    const code = bytes.wasm + bytes.js + bytes.css;
    const within = code <= spec.budget * 1024;
    if (!within) over += 1;
    const who = spec.as ? spec.as.split('@')[0] : 'visitor';
    console.log(
      `| \`${spec.path}\` | ${who} | ${kib(bytes.wasm)} | ${kib(bytes.js)} | ${kib(bytes.css)} | ${kib(code)}${within ? '' : ' (over)'} | ${spec.budget} | ` +
        `${kib(bytes.html)} | ${kib(bytes.fonts)} | ${kib(bytes.other)} | ${hasCode ? `${interactiveMs} ms` : 'no code'} |`,
    );
  }
} finally {
  await browser.close();
}
console.log(over ? `\n${over} page(s) over budget (KiB, brotli as served)` : '\nevery page within budget (KiB, brotli as served)');
process.exitCode = over ? 1 : 0;
