/**
 * Starts code-server (the real VS Code workbench served to a browser, with a real Node extension
 * host) in its own process group, and stops the whole group: its file watchers and extension
 * hosts outlive a plain kill of the main process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync, createWriteStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { e2ePaths, isolatedEnv, ROOT } from './env';

export interface CodeServer {
  url: string;
  host: string;
  /** vscode-remote:// URI of an absolute path on the server (for the smoke-test payload). */
  remoteUri(absPath: string): string;
  /** The code-server log (stdout + stderr) so far. */
  log(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Run folder: user data, extensions, XDG dirs and the log go under it. */
  dir: string;
  /** Load `?payload=` (extensionDevelopmentPath / extensionTestsPath): needs the smoke-test driver. */
  smokeTest?: boolean;
  /** VS Code user settings merged over the test defaults. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and so for the extension host it forks. */
  env?: Record<string, string>;
}

/** Settings that keep the workbench quiet and deterministic. */
const TEST_SETTINGS = {
  // VS Code for the web auto-saves after a delay, which would write fixes back to the fixtures.
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.restoreWindows': 'none',
  'editor.minimap.enabled': false,
  'editor.fontFamily': "'WenQuanYi Micro Hei Mono', 'WenQuanYi Micro Hei', monospace",
};

function codeServerArgs(opts: StartOptions, dataDir: string, extDir: string): string[] {
  const args = [
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time', '3',
    '--user-data-dir', dataDir,
    '--extensions-dir', extDir,
  ];
  if (opts.smokeTest) args.push('--vscode-option', 'enable-smoke-test-driver');
  return args;
}

export function userDirs(dir: string) {
  return { dataDir: join(dir, 'data'), extDir: join(dir, 'extensions') };
}

/** `code-server --install-extension x.vsix` into the run folder's extensions dir. */
/** The packaged extension: NIANBAO_E2E_VSIX, else the newest *.vsix in the repo (`npm run package`). */
export function findVsix(): string | undefined {
  if (process.env.NIANBAO_E2E_VSIX) return process.env.NIANBAO_E2E_VSIX;
  const all = readdirSync(ROOT).filter((f) => f.endsWith('.vsix')).map((f) => join(ROOT, f));
  return all.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

export function installExtension(dir: string, vsix: string): void {
  const p = e2ePaths();
  const { dataDir, extDir } = userDirs(dir);
  const r = spawnSync(p.node24, [p.codeServerEntry, '--user-data-dir', dataDir, '--extensions-dir', extDir, '--install-extension', vsix], {
    env: isolatedEnv(dir),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
}

export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  const p = e2ePaths();
  const { dataDir, extDir } = userDirs(opts.dir);
  mkdirSync(join(dataDir, 'User'), { recursive: true });
  mkdirSync(extDir, { recursive: true });
  writeFileSync(join(dataDir, 'User', 'settings.json'), JSON.stringify({ ...TEST_SETTINGS, ...opts.settings }, null, 2));

  const env = { ...isolatedEnv(opts.dir), PATH: `${p.node24Bin}:${process.env.PATH}`, ...opts.env };
  // detached: the child calls setsid(), so it leads a new process group we can kill whole.
  const child = spawn(p.node24, [p.codeServerEntry, ...codeServerArgs(opts, dataDir, extDir)], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const logFile = createWriteStream(join(opts.dir, 'code-server.log'));
  const onData = (b: Buffer) => {
    out += b.toString();
    logFile.write(b);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  const stop = () => stopGroup(child).finally(() => logFile.end());
  try {
    // With port 0 the OS picks a free port; code-server logs the address it bound.
    const url = await waitFor(() => /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1], child, () => out, 30_000);
    await waitHealthy(url, child, () => out);
    const host = new URL(url).host;
    return { url, host, remoteUri: (abs) => `vscode-remote://${host}${abs}`, log: () => out, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function waitFor<T>(get: () => T | undefined, child: ChildProcess, log: () => string, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${log()}`);
    if (Date.now() > end) throw new Error(`code-server did not start in ${ms} ms:\n${log()}`);
    await sleep(50);
  }
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const end = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${log()}`);
    if (Date.now() > end) throw new Error(`code-server /healthz never answered:\n${log()}`);
    await sleep(50);
  }
}

/** SIGTERM to the process group, then SIGKILL whatever is left of it. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  const pgid = child.pid;
  if (!pgid) return;
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(-pgid, 'SIGTERM');
  const end = Date.now() + 5_000;
  while (alive() && Date.now() < end) await sleep(50);
  if (alive()) process.kill(-pgid, 'SIGKILL');
  while (alive()) await sleep(20);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
