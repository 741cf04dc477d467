// The workspace the in-host suite (test/e2e/suite/nianbao.ts) expects, shared by both launchers:
// a copy of samples/, a report under a plain .txt name, and a .txt that is not a report.
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

export function prepareSuiteWorkspace(ws) {
  mkdirSync(ws, { recursive: true });
  cpSync(join(root, 'samples'), ws, { recursive: true });
  copyFileSync(join(root, 'samples/000.nianbao.txt'), join(ws, 'report.txt'));
  writeFileSync(join(ws, 'notes.txt'), '会议纪要：本年度止件数待核。\n');
}
