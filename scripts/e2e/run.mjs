// npm run test:e2e — the real-editor tests: installs what they need (scripts/e2e/setup.mjs),
// builds (and packages the .vsix when the project has a `package` script), then runs
// test/e2e/*.test.ts with node's test runner, one file at a time (a browser plus code-server
// take about 2.5 GB and both cores). Usage: node scripts/e2e/run.mjs [name-filter …]
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { setup } from './setup.mjs';

const root = new URL('../../', import.meta.url).pathname;
process.chdir(root);

function npmRun(script) {
  // No stdin: a packaging prompt must fail, not hang CI.
  const r = spawnSync('npm', ['run', '--silent', script], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const t0 = Date.now();
// Screenshots of this run only: a stale failure shot would mislead.
rmSync('test-artifacts', { recursive: true, force: true });
const paths = setup();
const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
npmRun('build');
if (scripts.package) npmRun('package');

const filters = process.argv.slice(2);
const files = readdirSync('test/e2e')
  .filter((f) => f.endsWith('.test.ts') && (!filters.length || filters.some((x) => f.includes(x))))
  .sort()
  .map((f) => join('test/e2e', f));
if (!files.length) {
  console.error('no e2e test files matched');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, NIANBAO_E2E_PATHS: JSON.stringify(paths) },
});
console.log(`e2e: ${((Date.now() - t0) / 1000).toFixed(0)} s in all (artifacts in test-artifacts/)`);
process.exit(r.status ?? 1);
