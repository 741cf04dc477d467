// Runs the in-extension-host suite (test/e2e/suite/nianbao.ts) with @vscode/test-electron, for a
// machine that can download VS Code (a developer's laptop). This machine cannot
// (ENOTFOUND update.code.visualstudio.com), so `npm run test:e2e` runs the same suite in
// code-server's Extension Development Host instead; @vscode/test-electron is therefore not a
// dependency. Usage: npm i --no-save @vscode/test-electron && npm run build && node scripts/e2e/electron.mjs
import { build } from 'esbuild';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareSuiteWorkspace } from './workspace.mjs';

const root = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
let runTests;
try {
  ({ runTests } = await import('@vscode/test-electron'));
} catch {
  console.error('@vscode/test-electron is not installed: npm i --no-save @vscode/test-electron');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-electron-'));
const suite = join(dir, 'suite', 'index.js');
await build({ entryPoints: [join(root, 'test/e2e/suite/nianbao.ts')], outfile: suite, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
const ws = join(dir, 'workspace');
prepareSuiteWorkspace(ws);
console.log(`workspace ${ws}: ${readdirSync(ws).length} files`);

try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: suite,
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(dir, 'data')}`],
    extensionTestsEnv: { NIANBAO_E2E_RESULTS: join(dir, 'results.json') },
  });
} catch (e) {
  console.error(`the suite failed: ${e?.message ?? e}`);
  process.exit(1);
}
