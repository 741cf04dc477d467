/**
 * Runs an in-extension-host suite (test/e2e/suite/*.ts) through `@vscode/test-electron`'s
 * runTests (scripts/e2e/vscode.mjs): in a downloaded VS Code where it can be downloaded, else in
 * code-server's Extension Development Host through the launcher (test/e2e/lib/launcher.ts) —
 * the same bundled suite either way. The suite writes its results to $NIANBAO_E2E_RESULTS.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { e2ePaths, runDir } from './env';
import { runSuite } from '../../../scripts/e2e/vscode.mjs';
import type { HostTestResult } from '../suite/harness';

export interface HostRun {
  code: number;
  results: HostTestResult[];
  /** What VS Code (or the launcher: workbench console, code-server log) printed. */
  console: string[];
  serverLog: string;
}

/** Bundles a suite into one CommonJS file the extension host can require (`vscode` stays external). */
export async function bundleSuite(entry: string, outfile: string): Promise<void> {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
}

function collector(lines: string[]): Writable {
  return new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
}

export async function runInHost(opts: {
  name: string;
  extensionPath: string;
  suite: string;
  /** Prepares the workspace folder (fresh per run) and returns nothing; its files are what the suite opens. */
  workspace: (dir: string) => void;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<HostRun> {
  const run = runDir(opts.name);
  const suiteJs = join(run.dir, 'suite', 'index.js');
  const resultsPath = join(run.dir, 'results.json');
  const ws = join(run.dir, 'workspace');
  await bundleSuite(opts.suite, suiteJs);
  mkdirSync(ws, { recursive: true });
  opts.workspace(ws);
  const out: string[] = [];
  try {
    const code = await runSuite({
      extensionDevelopmentPath: opts.extensionPath,
      extensionTestsPath: join(run.dir, 'suite'),
      folder: ws,
      userDataDir: join(run.dir, 'vscode-data'),
      // the launcher finds the installed tools through NIANBAO_E2E_PATHS (no second setup run)
      env: { NIANBAO_E2E_RESULTS: resultsPath, NIANBAO_E2E_NAME: opts.name, NIANBAO_E2E_PATHS: JSON.stringify(e2ePaths()), NIANBAO_E2E_HOST_TIMEOUT_MS: String(opts.timeoutMs ?? 300_000), ...opts.env },
      stdout: collector(out),
      stderr: collector(out),
    });
    const results: HostTestResult[] = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : [];
    return { code, results, console: out.filter((l) => !l.startsWith('[code-server]')), serverLog: out.filter((l) => l.startsWith('[code-server]')).join('\n') };
  } finally {
    run.dispose();
  }
}
