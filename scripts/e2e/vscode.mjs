// Which VS Code the in-host suite runs in, and running it through @vscode/test-electron's runTests.
// Where VS Code can be downloaded (a developer's laptop), runTests downloads it and starts it. Where
// it cannot (this machine, offline CI), `vscodeExecutablePath` is a launcher for the code-server
// already installed (scripts/e2e/code-server-launcher.sh): the same suite, the same runTests.
// NIANBAO_E2E_VSCODE=code-server forces the launcher, =download forces the download; otherwise a
// quick probe of update.code.visualstudio.com (3 s) decides: any HTTP answer means it can download.
import { runTests } from '@vscode/test-electron';
import { fileURLToPath } from 'node:url';

export const LAUNCHER = fileURLToPath(new URL('./code-server-launcher.sh', import.meta.url));
const PROBE = 'https://update.code.visualstudio.com/api/releases/stable';

/** 'download' or 'code-server', and why (for the log). */
export async function chooseVSCode(env = process.env, probe = PROBE, timeoutMs = 3000) {
  const forced = env.NIANBAO_E2E_VSCODE;
  if (forced === 'code-server' || forced === 'download') return { kind: forced, why: `NIANBAO_E2E_VSCODE=${forced}` };
  try {
    const r = await fetch(probe, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return { kind: 'download', why: `${probe} answered ${r.status}` };
  } catch (e) {
    return { kind: 'code-server', why: `${probe} unreachable (${e?.cause?.code ?? e?.name ?? e})` };
  }
}

/**
 * Runs a bundled suite (its `run()` is called in the extension host) with runTests; resolves to the
 * exit code (0: every test passed). `folder` is opened as the workspace.
 */
export async function runSuite({ extensionDevelopmentPath, extensionTestsPath, folder, userDataDir, env = {}, stdout, stderr, vscode }) {
  const choice = vscode ?? (await chooseVSCode());
  try {
    return await runTests({
      ...(choice.kind === 'code-server' ? { vscodeExecutablePath: LAUNCHER } : {}),
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userDataDir}`],
      extensionTestsEnv: env,
      stdout,
      stderr,
    });
  } catch (e) {
    // TestRunFailedError: the suite failed (exit code), or VS Code could not start
    if (typeof e?.code === 'number') return e.code;
    throw e;
  }
}
