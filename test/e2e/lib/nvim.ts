/** Runs test/e2e/nvim/driver.lua in headless Neovim against a language server and returns what it recorded. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2ePaths, isolatedEnv, ROOT } from './env';

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
export interface LspDiagnostic {
  range: LspRange;
  code?: string | number | { value: string | number; target: string };
  codeDescription?: { href: string };
  source?: string;
  severity?: number;
  message: string;
}
export interface Publication {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
  /** Milliseconds since the client started. */
  ms: number;
}
export interface NvimResult {
  uri: string;
  publications: Publication[];
  target: LspDiagnostic;
  actions: { title: string; kind?: string; edit?: unknown }[];
  applied: { title: string; kind?: string; edit: unknown };
  lines: string[];
  after: Publication;
  exit: { code: number; signal: number };
  log: string[];
}

export function codeOf(d: LspDiagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export function runNvim(opts: { dir: string; file: string; cmd: string[]; code: string; lang?: string; waitMs?: number }): NvimResult {
  const out = join(opts.dir, 'nvim-result.json');
  const env = {
    ...isolatedEnv(opts.dir),
    NIANBAO_NVIM_CMD: JSON.stringify(opts.cmd),
    NIANBAO_NVIM_OUT: out,
    NIANBAO_NVIM_CODE: opts.code,
    NIANBAO_NVIM_LANG: opts.lang ?? 'gov-report',
    NIANBAO_NVIM_WAIT_MS: String(opts.waitMs ?? 15_000),
  };
  const r = spawnSync(e2ePaths().nvim, ['--headless', '--clean', '-n', '-c', `luafile ${join(ROOT, 'test/e2e/nvim/driver.lua')}`, opts.file], {
    env,
    cwd: opts.dir,
    encoding: 'utf8',
    // The driver always quits (cquit on error); this only guards against a hung nvim.
    timeout: (opts.waitMs ?? 15_000) * 3 + 10_000,
  });
  const result = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
  if (r.status !== 0 || !result || result.error) {
    throw new Error(`nvim driver failed (status ${r.status}${r.error ? `, ${r.error.message}` : ''}): ${result?.error ?? 'no result'}\n${r.stdout}\n${r.stderr}`);
  }
  return result as NvimResult;
}
