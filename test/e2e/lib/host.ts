/**
 * Runs an in-extension-host suite (test/e2e/suite/*.ts) in code-server's Extension Development
 * Host: code-server started with the smoke-test driver, the workbench opened in Chromium with
 * `?payload=[[extensionDevelopmentPath, …], [extensionTestsPath, …]]`, and the exit code caught
 * where the workbench reports it, `window.codeAutomationExit(code)`.
 * `@vscode/test-electron` would run the same bundled suite (see scripts/e2e/electron.mjs).
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactPath, runDir } from './env';
import { launchBrowser } from './browser';
import { startCodeServer } from './code-server';
import type { HostTestResult } from '../suite/harness';

export interface HostRun {
  code: number;
  results: HostTestResult[];
  console: string[];
  serverLog: string;
}

/** Bundles a suite into one CommonJS file the extension host can require (`vscode` stays external). */
export async function bundleSuite(entry: string, outfile: string): Promise<void> {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
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

  const server = await startCodeServer({ dir: run.dir, smokeTest: true, env: { NIANBAO_E2E_RESULTS: resultsPath, ...opts.env } });
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    browser = await launchBrowser(run.dir);
    const { page } = browser;
    let exited: (code: number) => void = () => {};
    const exit = new Promise<number>((r) => (exited = r));
    await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(opts.extensionPath)],
      ['extensionTestsPath', server.remoteUri(suiteJs)],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeoutMs = opts.timeoutMs ?? 120_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const code = await Promise.race([exit, new Promise<number>((r) => (timer = setTimeout(() => r(-1), timeoutMs)))]).finally(() => clearTimeout(timer));
    if (code !== 0) await page.screenshot({ path: artifactPath(`${opts.name}-exit-${code}.png`) }).catch(() => {});
    const results: HostTestResult[] = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : [];
    return { code, results, console: browser.console, serverLog: server.log() };
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    run.dispose();
  }
}
