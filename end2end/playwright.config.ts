import { defineConfig, devices } from '@playwright/test';

// The release server under test: started by Playwright on its own port and a fresh SQLite file.
const port = Number(process.env.COMTEM_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const database = process.env.COMTEM_E2E_DATABASE ?? `/tmp/comtem-e2e-${process.pid}.db`;

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
    { name: 'desktop', use: desktop },
    { name: 'mobile', use: mobile },
    { name: 'desktop-no-js', use: { ...desktop, javaScriptEnabled: false } },
    { name: 'mobile-no-js', use: { ...mobile, javaScriptEnabled: false } },
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
    },
  },
});
