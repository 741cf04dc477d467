/** Runs the real CLI process (dist/cli.js, built by `npm test` before the tests run). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const SEEDS = `${corpusDir()}/seeds`;
export const EXTERNAL = `${corpusDir()}/external`;
export const PDFS = `${corpusDir()}/pdf`;

/** The real reports the tests use, copied into the repo (tests never read outside it). */
export function corpusDir(): string {
  return fileURLToPath(new URL('../fixtures/corpus', import.meta.url)).replace(/\/$/, '');
}

export function runCli(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd, input: opts.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
}

export function checkJson(paths: string[], extra: string[] = []) {
  const r = runCli(['check', '--format', 'json', ...extra, ...paths]);
  return { ...r, results: JSON.parse(r.stdout || '[]') as { filePath: string; messages: JsonMessage[]; errorCount: number; warningCount: number }[] };
}
