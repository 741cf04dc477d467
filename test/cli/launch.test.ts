// The `nianbao` launcher (dist/cli.js): it starts the bundle with the code cache the build made,
// and a missing or damaged cache only costs start-up time, never a run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { wrap } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { CLI } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const DIST = join(CLI, '..');
const SAMPLES = join(DIST, '..', 'samples');
const check = (cli: string) => spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--no-config', SAMPLES], { encoding: 'utf8' });

test('the build leaves a code cache that V8 accepts for the CLI bundle on this Node', () => {
  const bundle = join(DIST, 'cli-main.js');
  assert.ok(existsSync(`${bundle}.cache`), 'dist/cli-main.js.cache is missing');
  const script = new Script(wrap(readFileSync(bundle, 'utf8').replace(/^#!.*/, '')), { filename: bundle, cachedData: readFileSync(`${bundle}.cache`) });
  assert.equal(script.cachedDataRejected, false);
});

test('a missing or damaged code cache changes nothing but the time: same output, same exit code', () => {
  const expected = check(CLI);
  assert.equal(expected.status, 1);
  for (const damage of ['missing', 'garbage', 'truncated'] as const) {
    const dir = tempDir(`launch-${damage}`);
    cpSync(DIST, dir, { recursive: true });
    const cache = join(dir, 'cli-main.js.cache');
    if (damage === 'missing') rmSync(cache);
    else if (damage === 'garbage') writeFileSync(cache, Buffer.from('not a code cache'));
    else writeFileSync(cache, readFileSync(cache).subarray(0, 1000));
    const r = check(join(dir, 'cli.js'));
    assert.equal(r.status, expected.status, damage);
    assert.equal(r.stderr, expected.stderr, damage);
    // file paths are relative to the working directory: the same in both runs
    assert.equal(r.stdout, expected.stdout, damage);
  }
});

test('the launcher writes no file when a run ends (the cache is the build\'s)', () => {
  const dir = tempDir('launch-nowrite');
  cpSync(DIST, dir, { recursive: true });
  const cache = join(dir, 'cli-main.js.cache');
  const before = readFileSync(cache);
  rmSync(cache);
  check(join(dir, 'cli.js'));
  assert.equal(existsSync(cache), false);
  writeFileSync(cache, before);
  check(join(dir, 'cli.js'));
  assert.deepEqual(readFileSync(cache), before);
});
