// CI installs with `npm ci`: the lockfile must stay in sync with package.json (a merge that
// takes one side's lockfile can silently break every clean install).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('package-lock.json is installable with npm ci', () => {
  const r = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8' });
  assert.equal(r.status, 0, `npm ci would fail:\n${r.stderr.split('\n').filter((l) => /error/.test(l)).slice(0, 8).join('\n')}\nrun \`npm install\` and commit package-lock.json`);
});
