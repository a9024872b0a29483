// The bytes a 360 px phone downloads to see a meeting's gallery of 20 photos, as sent over the
// wire. The gallery is filled as an organiser would fill it: 20 photos of 12 megapixels with a
// camera's noise (scripts/photo_tool.py camera), uploaded and described by the demo's regional
// staff through the site's own pages. Usage: node scripts/gallery-bytes.mjs BASE_URL MEETING
// (a demo server: COMTEM_DEMO=1).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, devices } from 'playwright';

const [base, meeting] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'comtem-gallery-'));
execFileSync('.venv/bin/python', ['scripts/photo_tool.py', 'camera', dir, '20']);
const files = readdirSync(dir).map((name) => join(dir, name));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const staff = await browser.newPage({ baseURL: base, javaScriptEnabled: false });
  await staff.goto('/accedi');
  const login = staff.getByRole('region', { name: 'Con la password' });
  await login.getByLabel('Email di lavoro').fill('admin@comtem.demo');
  await login.getByLabel('Password').fill('comtem-demo-2024');
  await Promise.all([staff.waitForURL(/\/profilo$/), login.getByRole('button', { name: 'Accedi' }).click()]);
  await staff.goto(`/incontri/${meeting}/foto`);
  await staff.getByLabel('Foto da caricare').setInputFiles(files);
  const started = Date.now();
  await Promise.all([staff.waitForURL(/caricate=20/, { timeout: 300_000 }), staff.getByRole('button', { name: 'Carica le foto' }).click()]);
  console.log(`20 photos of 12 MP uploaded in one form and processed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const waiting = staff.getByRole('region', { name: 'Foto da descrivere' });
  for (let n = 1; n <= 20; n++) {
    await waiting.getByLabel('Testo alternativo').first().fill(`Foto di prova ${n}: una sala rossa e blu`);
    await Promise.all([staff.waitForURL(/descritta=/), waiting.getByRole('button', { name: 'Salva e pubblica' }).first().click()]);
  }

  const phone = await browser.newContext({ ...devices['Pixel 5'], viewport: { width: 360, height: 800 }, baseURL: base });
  const page = await phone.newPage();
  const sent = { photos: 0, other: 0, count: 0 };
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes();
    const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
    if (new URL(request.url()).pathname.startsWith('/foto/')) {
      sent.photos += bytes;
      sent.count += 1;
    } else sent.other += bytes;
  });
  await page.goto(`/incontri/${meeting}/foto`, { waitUntil: 'networkidle' });
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  const report = (when) =>
    console.log(`${when}: ${sent.count} photos, ${kib(sent.photos)}; the page and its code ${kib(sent.other)}; total ${kib(sent.photos + sent.other)}`);
  report('360 px phone, gallery of 20, first screen');
  // A visitor's gallery comes without the application's code; where it has some, it starts when
  // the browser is idle: wait for it, then scroll to the end.
  if ((await page.locator('head script[type="module"]').count()) > 0) {
    await page.locator('html[data-hydrated="true"]').waitFor({ timeout: 30_000 });
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  report('scrolled to the end');
} finally {
  await browser.close();
}
