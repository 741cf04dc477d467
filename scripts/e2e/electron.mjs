// Runs the in-extension-host suite (test/e2e/suite/nianbao.ts) alone through @vscode/test-electron
// (scripts/e2e/vscode.mjs): VS Code is downloaded where it can be, else the suite runs in the
// installed code-server through the launcher. `npm run test:e2e -- host` runs the same suite
// (with the harness self-check) from test/e2e/vscode-host.test.ts.
// Usage: npm run build && node scripts/e2e/electron.mjs   (NIANBAO_E2E_VSCODE=download|code-server to choose)
import { build } from 'esbuild';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareSuiteWorkspace } from './workspace.mjs';
import { chooseVSCode, runSuite } from './vscode.mjs';
import { setup } from './setup.mjs';

const root = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-electron-'));
await build({ entryPoints: [join(root, 'test/e2e/suite/nianbao.ts')], outfile: join(dir, 'suite', 'index.js'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
const ws = join(dir, 'workspace');
prepareSuiteWorkspace(ws);
const vscode = await chooseVSCode();
console.log(`workspace ${ws}: ${readdirSync(ws).length} files; VS Code: ${vscode.kind} (${vscode.why})`);
const env = { NIANBAO_E2E_RESULTS: join(dir, 'results.json') };
// the launcher needs the tools that setup installs (a downloaded VS Code needs none of them)
if (vscode.kind === 'code-server') env.NIANBAO_E2E_PATHS = JSON.stringify(setup());
const code = await runSuite({ extensionDevelopmentPath: root, extensionTestsPath: join(dir, 'suite'), folder: ws, userDataDir: join(dir, 'data'), env, vscode });
console.log(`the suite ${code === 0 ? 'passed' : `failed (exit ${code})`}; results in ${env.NIANBAO_E2E_RESULTS}`);
process.exit(code);
