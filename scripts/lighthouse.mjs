// Prints Lighthouse's mobile scores (performance, accessibility, best practices, SEO) for each
// page given, run in Debian's Chromium; with --cookie, as the session it names (a member's page).
// Usage: node scripts/lighthouse.mjs [--cookie 'name=value'] URL...
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';

const chrome = await launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const args = process.argv.slice(2);
const cookie = args[0] === '--cookie' ? args.splice(0, 2)[1] : null;
try {
  for (const url of args) {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const scores = Object.values(lhr.categories).map((c) => `${c.id} ${Math.round(c.score * 100)}`);
    const lcp = lhr.audits['largest-contentful-paint'].displayValue;
    const tbt = lhr.audits['total-blocking-time'].displayValue;
    console.log(`${new URL(url).pathname.padEnd(24)} ${scores.join('  ')}  (LCP ${lcp}, TBT ${tbt})`);
  }
} finally {
  await chrome.kill();
}
