import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// The release server under test: started by Playwright on its own port and a fresh SQLite file.
const port = Number(process.env.COMTEM_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const database = process.env.COMTEM_E2E_DATABASE ?? `/tmp/comtem-e2e-${process.pid}.db`;
// A directory for this run: the setup project keeps the admin's session there, and the tests'
// SMTP server (scripts/smtp_sink.py: STARTTLS, AUTH) its certificates and every message it
// accepted (smtp/mail/<n>.json). Set on process.env so that the workers (forked from this
// process) and the tests read the same one.
const runDir = (process.env.COMTEM_E2E_RUN_DIR ??= mkdtempSync(join(tmpdir(), 'comtem-e2e-')));
const smtpDir = (process.env.COMTEM_E2E_SMTP_DIR ??= join(runDir, 'smtp'));
const smtpPort = Number(process.env.COMTEM_E2E_SMTP_PORT ?? port + 25);
const root = resolve(__dirname, '..');
const python = join(root, '.venv/bin/python');
// The server needs the certificate authority at start-up: make it before either starts.
execFileSync(python, [join(root, 'scripts/smtp_sink.py'), 'certs', smtpDir]);
mkdirSync(join(smtpDir, 'mail'), { recursive: true });

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
  webServer: [
    {
      command: `${python} scripts/smtp_sink.py serve ${smtpDir} ${smtpPort}`,
      cwd: '..',
      port: smtpPort,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
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
        COMTEM_SMTP_URL: `smtp://comtem:comtem-smtp-test@127.0.0.1:${smtpPort}?tls=required`,
        COMTEM_SMTP_CA: join(smtpDir, 'ca.pem'),
        COMTEM_MAIL_FROM: 'COMTem <noreply@comtem.test>',
        COMTEM_IP_LIMIT: '10000',
        COMTEM_PUBLIC_URL: baseURL,
        // A mention's mail waits this long for it to be read in the site (10 minutes live).
        COMTEM_NOTIFICATION_HOLD_SECS: '20',
      },
    },
  ],
});
