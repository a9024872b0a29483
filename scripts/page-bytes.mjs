// Prints, for each page given, the compressed bytes of WASM, JS and CSS that Chromium downloads
// until the page has hydrated (the WASM budget is <= 250 KiB brotli for the first page).
// Usage: node scripts/page-bytes.mjs URL...
import { chromium } from '@playwright/test';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`.padStart(10);
try {
  for (const url of process.argv.slice(2)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes = [];
    page.on('requestfinished', (request) => {
      const kind = new URL(request.url()).pathname.match(/\.(wasm|js|css)$/)?.[1];
      if (kind) sizes.push(request.sizes().then(({ responseBodySize }) => [kind, responseBodySize]));
    });
    await page.goto(url);
    await page.waitForSelector('html[data-hydrated]', { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const total = { wasm: 0, js: 0, css: 0 };
    for (const [kind, bytes] of await Promise.all(sizes)) total[kind] += bytes;
    console.log(`${new URL(url).pathname.padEnd(24)} WASM ${kib(total.wasm)}  JS ${kib(total.js)}  CSS ${kib(total.css)}`);
    await context.close();
  }
} finally {
  await browser.close();
}
