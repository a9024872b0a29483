import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// The public pages, as served, checked by the Nu HTML Checker (vnu, from npm's vnu-jar, on
// Java). Two things the framework writes are left out: its hydration markers (`<!>`, which the
// checker calls a bogus comment) and its resource scripts after `</html>` (cut before checking,
// since the checker stops at the first stray tag after the document).
const FIXED = ['/', '/comunita', '/comunita/dati', '/iscriviti', '/accedi', '/numeri', '/calendario',
  '/incontri', '/notizie', '/piani/2023', '/piani/2023/dati', '/piano-generale/2023', '/privacy',
  '/accessibilita', '/note-legali'];
const VNU = require.resolve('vnu-jar/build/dist/vnu.jar');

type Message = { type: string; message: string; url: string; firstLine?: number; lastColumn?: number };

test('the Nu HTML Checker finds no error on the public pages', async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the same HTML for every project: checked once');
  // A meeting and a news post of the demo, as their lists link them.
  const first = async (list: string, pattern: RegExp) => {
    const match = (await (await request.get(list)).text()).match(pattern);
    expect(match, `a link on ${list}`).not.toBeNull();
    return match![1];
  };
  const pages = [
    ...FIXED,
    await first('/incontri', /href="(\/incontri\/\d+)"/),
    await first('/notizie', /href="(\/notizie\/\d+)"/),
  ];
  const folder = mkdtempSync(join(tmpdir(), 'comtem-vnu-'));
  const files = [];
  for (const [n, path] of pages.entries()) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    const end = html.indexOf('</html>');
    expect(end, `${path} ends its document`).toBeGreaterThan(0);
    const file = join(folder, `${n}.html`);
    writeFileSync(file, html.slice(0, end + '</html>'.length));
    files.push(file);
  }
  // vnu exits 1 when it reports errors; the report is what counts.
  let report = '';
  try {
    report = execFileSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', '--stdout', ...files], {
      encoding: 'utf8',
    });
  } catch (error) {
    report = (error as { stdout: string }).stdout;
  }
  const messages: Message[] = JSON.parse(report).messages;
  const errors = messages
    .filter((m) => m.message !== 'Bogus comment.')
    .map((m) => `${pages[Number(m.url.replace(/^.*\/(\d+)\.html$/, '$1'))]}:${m.firstLine ?? ''}: ${m.message}`);
  expect(errors).toEqual([]);
});
