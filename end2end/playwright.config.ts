import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// The release server under test: started by Playwright on its own port and a fresh SQLite file.
const port = Number(process.env.COMTEM_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const database = process.env.COMTEM_E2E_DATABASE ?? `/tmp/comtem-e2e-${process.pid}.db`;
// A directory for this run: the server writes each email there as <id>.eml, and the setup project
// keeps the admin's session. Set on process.env so that the workers (forked from this process) and
// the tests read the same one.
const runDir = (process.env.COMTEM_E2E_RUN_DIR ??= mkdtempSync(join(tmpdir(), 'comtem-e2e-')));
const mailDir = (process.env.COMTEM_MAIL_DIR ??= join(runDir, 'mail'));
mkdirSync(mailDir, { recursive: true });

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } };
const mobile = { ...devices['Pixel 5'], viewport: { width: 360, height: 800 } };

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: { baseURL, launchOptions: chromium, trace: 'retain-on-failure' },
  projects: [
    // Logs the demo admin in once: logins are throttled per account (8 per 15 minutes).
    { name: 'setup', testMatch: /auth\.setup\.ts$/, use: desktop },
    { name: 'desktop', use: desktop, dependencies: ['setup'] },
    { name: 'mobile', use: mobile, dependencies: ['setup'] },
    { name: 'desktop-no-js', use: { ...desktop, javaScriptEnabled: false }, dependencies: ['setup'] },
    { name: 'mobile-no-js', use: { ...mobile, javaScriptEnabled: false }, dependencies: ['setup'] },
  ],
  webServer: {
    command: `rm -f ${database}* && ./target/release/comtem`,
    cwd: '..',
    url: `${baseURL}/healthz`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: {
      DATABASE_URL: `sqlite:${database}?mode=rwc`,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: 'target/site',
      LEPTOS_ENV: 'PROD',
      RUST_LOG: 'warn',
      COMTEM_DEMO: '1',
      COMTEM_COOKIE_SECURE: 'false',
      COMTEM_MAIL_DIR: mailDir,
      COMTEM_IP_LIMIT: '10000',
      COMTEM_PUBLIC_URL: baseURL,
    },
  },
});
