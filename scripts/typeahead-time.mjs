// How long a visitor on a slow phone waits before the signup form's type-ahead answers: Chromium
// with Lighthouse's mobile profile (slow 4G: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up;
// the processor 4 times slower) opens /iscriviti with an empty cache, waits until the page is
// interactive, types "castel san" into the body field and waits for the first suggestion. Prints
// the median and the runs. Usage: node scripts/typeahead-time.mjs BASE_URL [RUNS, default 3]
import { chromium, devices } from 'playwright';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const runs = Number(process.argv[3] ?? 3);

async function once(browser) {
  const context = await browser.newContext({ ...devices['Pixel 5'], viewport: { width: 360, height: 800 }, baseURL: base });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const started = Date.now();
  await page.goto('/iscriviti', { waitUntil: 'commit' });
  const interactive = page.locator('html[data-hydrated="true"]');
  await interactive.waitFor({ timeout: 120_000 });
  const hydratedMs = Date.now() - started;
  const ente = page.getByRole('combobox', { name: 'Ente', exact: true });
  await ente.pressSequentially('castel san');
  const suggestions = page.getByRole('listbox', { name: 'Ente', exact: true });
  await suggestions.getByRole('option').first().waitFor({ timeout: 60_000 });
  const answeredMs = Date.now() - started;
  await context.close();
  return { hydratedMs, answeredMs };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await once(browser));
  const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
  const answered = results.map((r) => r.answeredMs);
  const hydrated = results.map((r) => r.hydratedMs);
  console.log(`/iscriviti on slow 4G, 4x slower CPU: interactive after ${median(hydrated)} ms, the type-ahead answers after ${median(answered)} ms (median of ${runs}; runs ${answered.join(', ')} ms)`);
} finally {
  await browser.close();
}
