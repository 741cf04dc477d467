/**
 * A stand-in for the VS Code executable that `@vscode/test-electron`'s runTests starts, where VS
 * Code cannot be downloaded (this machine, offline CI): it takes the arguments runTests gives
 * VS Code (`--extensionDevelopmentPath=`, `--extensionTestsPath=`, the folder to open), starts the
 * code-server already installed with the smoke-test driver, opens the workbench in Chromium with
 * those paths as the `?payload=` of an Extension Development Host, and exits with the exit code the
 * suite reports through `window.codeAutomationExit(code)` (124 when it never does, after NIANBAO_E2E_HOST_TIMEOUT_MS, default 300 s: each in-host test has its own timeout too).
 * Started by scripts/e2e/code-server-launcher.sh; arguments runTests passes for Electron only
 * (--no-sandbox, --user-data-dir …) are ignored: the run gets fresh folders of its own.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { artifactPath, runDir } from './env';
import { launchBrowser } from './browser';
import { startCodeServer } from './code-server';

export interface LaunchArgs {
  extensionDevelopmentPaths: string[];
  extensionTestsPath?: string;
  folder?: string;
}

/** The arguments VS Code's CLI would read, as runTests writes them (`--name=value`, or `--name value`, and positional paths). */
export function parseLaunchArgs(argv: string[]): LaunchArgs {
  const out: LaunchArgs = { extensionDevelopmentPaths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--([\w-]+)(?:=(.*))?$/s.exec(a);
    if (!m) {
      out.folder ??= resolve(a);
      continue;
    }
    const takesValue = m[1] === 'extensionDevelopmentPath' || m[1] === 'extensionTestsPath';
    const value = m[2] ?? (takesValue ? argv[++i] : undefined);
    if (m[1] === 'extensionDevelopmentPath' && value) out.extensionDevelopmentPaths.push(resolve(value));
    if (m[1] === 'extensionTestsPath' && value) out.extensionTestsPath = resolve(value);
  }
  return out;
}

/** The suite's file: VS Code takes a folder with index.js or the file itself. */
function suiteFile(p: string): string {
  return existsSync(`${p}/index.js`) ? `${p}/index.js` : p;
}

export async function launch(argv: string[]): Promise<number> {
  const args = parseLaunchArgs(argv);
  if (!args.extensionTestsPath || !args.extensionDevelopmentPaths.length) {
    console.error('code-server launcher: --extensionDevelopmentPath and --extensionTestsPath are required (it only runs extension tests)');
    return 2;
  }
  const name = process.env.NIANBAO_E2E_NAME || 'host';
  const timeoutMs = Number(process.env.NIANBAO_E2E_HOST_TIMEOUT_MS) || 300_000;
  const run = runDir(`launcher-${name}`);
  // the extension host inherits this environment (runTests' extensionTestsEnv is in it)
  const server = await startCodeServer({ dir: run.dir, smokeTest: true, env: {} });
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let code = 124;
  try {
    browser = await launchBrowser(run.dir);
    const { page } = browser;
    let exited: (code: number) => void = () => {};
    const exit = new Promise<number>((r) => (exited = r));
    await page.exposeFunction('codeAutomationExit', (c: number) => exited(c));
    const payload = [...args.extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', server.remoteUri(p)]), ['extensionTestsPath', server.remoteUri(suiteFile(args.extensionTestsPath))]];
    const folder = args.folder ? `folder=${encodeURIComponent(args.folder)}&` : '';
    await page.goto(`${server.url}/?${folder}payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    code = await Promise.race([exit, new Promise<number>((r) => (timer = setTimeout(() => r(124), timeoutMs)))]).finally(() => clearTimeout(timer));
    if (code !== 0) await page.screenshot({ path: artifactPath(`${name}-exit-${code}.png`) }).catch(() => {});
    return code;
  } finally {
    // what the workbench and the extension host printed, for the caller to show when the suite failed
    for (const line of browser?.console ?? []) process.stderr.write(`[workbench] ${line}\n`);
    if (code !== 0) process.stderr.write(`[code-server] ${server.log().slice(-3000)}\n`);
    await browser?.close().catch(() => {});
    await server.stop();
    run.dispose();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  launch(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`code-server launcher: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exit(1);
    },
  );
}
