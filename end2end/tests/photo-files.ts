import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

// The photos the tests upload and the reading of those the site serves, both by the tests' own
// tool (scripts/photo_tool.py, with Pillow).

const root = resolve(__dirname, '..', '..');
const photoTool = (...args: string[]) =>
  execFileSync(join(root, '.venv/bin/python'), [join(root, 'scripts/photo_tool.py'), ...args]).toString();

/** Photos as a phone takes them, lies and a bomb, made by the tests' own tool (Pillow). */
export function fixtures() {
  const dir = mkdtempSync(join(tmpdir(), 'comtem-e2e-photos-'));
  photoTool('make', dir);
  return (name: string) => join(dir, name);
}

/** What Pillow reads in a file the site serves. */
export async function readBack(page: Page, src: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'comtem-e2e-served-')), 'foto.jpg');
  writeFileSync(file, await (await page.request.get(src)).body());
  return JSON.parse(photoTool('read', file));
}
