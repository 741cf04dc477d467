/** Where the real-editor tools live (installed by scripts/e2e/setup.mjs into a cache outside the repo). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface E2ePaths {
  cache: string;
  node24: string;
  node24Bin: string;
  codeServerEntry: string;
  chromium: string;
  nvim: string;
}

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

let cached: E2ePaths | undefined;

/** scripts/e2e/run.mjs passes the paths in NIANBAO_E2E_PATHS; a test run alone installs (or finds) them itself. */
export function e2ePaths(): E2ePaths {
  if (cached) return cached;
  const fromEnv = process.env.NIANBAO_E2E_PATHS;
  if (fromEnv) return (cached = JSON.parse(fromEnv) as E2ePaths);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/e2e/setup.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error('scripts/e2e/setup.mjs failed');
  return (cached = JSON.parse(r.stdout) as E2ePaths);
}

/** A throwaway folder per run; kept when NIANBAO_E2E_KEEP is set (to look at logs). */
export function runDir(name: string): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), `nianbao-e2e-${name}-`));
  return {
    dir,
    dispose() {
      if (!process.env.NIANBAO_E2E_KEEP) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** HOME-like variables pointed into the run folder, so no tool writes under the real $HOME. */
export function isolatedEnv(dir: string): NodeJS.ProcessEnv {
  const xdg = { XDG_CONFIG_HOME: join(dir, 'xdg-config'), XDG_DATA_HOME: join(dir, 'xdg-data'), XDG_CACHE_HOME: join(dir, 'xdg-cache'), XDG_STATE_HOME: join(dir, 'xdg-state') };
  for (const d of Object.values(xdg)) mkdirSync(d, { recursive: true });
  return { ...process.env, ...xdg };
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
