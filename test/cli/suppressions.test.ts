/**
 * Suppressions through the real CLI (ESLint's bulk-suppressions workflow): `--suppress-all`
 * records every problem in .nianbao-suppressions.json; a recorded problem stays silent after
 * edits elsewhere in its file and comes back when its own text changes; `--prune-suppressions`
 * drops entries nothing matches any more; config `ignores` keeps whole files out; a broken file
 * is named with what is wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchesGlob, parseSuppressions } from '../../server/src/core';
import { checkJson, EXTERNAL, runCli, SEEDS } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const HONGZE = `${EXTERNAL}/hongze-district-2023.txt`;
const SEED0 = `${SEEDS}/000_b5a011f3d089b4ff.txt`;

function workspace(): string {
  const dir = tempDir('suppress');
  copyFileSync(HONGZE, join(dir, 'hongze.txt'));
  copyFileSync(SEED0, join(dir, 'seed0.txt'));
  return dir;
}

function checkIn(dir: string, extra: string[] = []) {
  const r = runCli(['check', '--format', 'json', ...extra, '.'], { cwd: dir });
  return { ...r, results: JSON.parse(r.stdout || '[]') as { filePath: string; messages: { ruleId: string; line: number; message: string }[]; errorCount: number }[] };
}

test('--suppress-all writes a baseline; the next check is clean and exits 0', () => {
  const dir = workspace();
  const before = checkIn(dir);
  assert.equal(before.code, 1);
  const n = before.results.reduce((a, r) => a + r.messages.length, 0);
  assert.ok(n > 5);
  const baseline = runCli(['check', '--suppress-all', '.'], { cwd: dir });
  assert.equal(baseline.code, 0, baseline.stderr);
  assert.match(baseline.stderr, new RegExp(`本次新忽略 ${n} 个问题`));
  const file = JSON.parse(readFileSync(join(dir, '.nianbao-suppressions.json'), 'utf8'));
  assert.deepEqual(parseSuppressions(file).errors, []);
  assert.deepEqual(Object.keys(file.files), ['hongze.txt', 'seed0.txt']);
  const total = file.files['hongze.txt'].find((e: { rule: string }) => e.rule === 'table-row-total');
  assert.ok(total && total.text === '0' && total.context.includes('0'), JSON.stringify(total));
  const after = checkIn(dir);
  assert.equal(after.code, 0, after.stderr);
  assert.deepEqual(after.results.flatMap((r) => r.messages), []);
  assert.match(after.stderr, new RegExp(`${n} 个问题已按 .*\\.nianbao-suppressions\\.json 忽略`));
});

test('a suppressed problem survives edits elsewhere and comes back when its own text changes', () => {
  const dir = workspace();
  runCli(['check', '--suppress-all', '.'], { cwd: dir });
  const path = join(dir, 'hongze.txt');
  const text = readFileSync(path, 'utf8');
  // lines added above, a paragraph added at the end: nothing comes back
  writeFileSync(path, `（草稿）\n\n${text}\n另外，我区将进一步加强培训。\n`);
  assert.deepEqual(checkIn(dir).results.flatMap((r) => r.messages.map((m) => m.ruleId)), []);
  // the sentence of the typo on line 21 (“受理渠。”) reworded around it: reported again
  const typo = checkJson([HONGZE]).results[0]!.messages.find((m) => m.ruleId === 'typo')!;
  const line = text.split('\n')[typo.line - 1]!;
  const edited = text.replace(line, line.replace('依申请公开受理渠。', '依申请公开的受理渠。'));
  assert.notEqual(edited, text, `the typo line: ${line}`);
  writeFileSync(path, edited);
  const back = checkIn(dir).results.flatMap((r) => r.messages.map((m) => m.ruleId));
  assert.deepEqual(back, ['typo']);
});

test('--prune-suppressions removes the entries of fixed problems and of files gone', () => {
  const dir = workspace();
  runCli(['check', '--suppress-all', '.'], { cwd: dir });
  const read = () => JSON.parse(readFileSync(join(dir, '.nianbao-suppressions.json'), 'utf8'));
  const before = read();
  // the wrong totals fixed by hand (--fix does the same): their entries are stale
  runCli(['check', '--fix', '--no-config', 'hongze.txt', '--suppressions-location', join(dir, 'none.json')], { cwd: dir });
  rmSync(join(dir, 'seed0.txt'));
  const pruned = runCli(['check', '--prune-suppressions', '.'], { cwd: dir });
  assert.equal(pruned.code, 0, pruned.stderr);
  const after = read();
  assert.deepEqual(Object.keys(after.files), ['hongze.txt'], 'the entries of the deleted file are gone');
  const rules = (f: typeof before) => f.files['hongze.txt'].map((e: { rule: string }) => e.rule).sort();
  assert.ok(rules(before).includes('table-row-total'));
  assert.ok(!rules(after).includes('table-row-total'), 'the fixed totals are no longer recorded');
  assert.deepEqual(checkIn(dir).results.flatMap((r) => r.messages), [], 'what is left is still suppressed');
});

test('suppressed problems are not fixed by --fix', () => {
  const dir = workspace();
  runCli(['check', '--suppress-all', '.'], { cwd: dir });
  const text = readFileSync(join(dir, 'hongze.txt'), 'utf8');
  runCli(['check', '--fix', '.'], { cwd: dir });
  assert.equal(readFileSync(join(dir, 'hongze.txt'), 'utf8'), text);
});

test('config ignores keeps whole files out', () => {
  const dir = workspace();
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ ignores: ['seed*.txt'] }));
  const r = checkIn(dir);
  assert.deepEqual(r.results.map((x) => x.filePath.split('/').pop()), ['hongze.txt']);
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ ignores: ['*.txt'] }));
  const none = runCli(['check', '.'], { cwd: dir });
  assert.equal(none.code, 0);
  assert.match(none.stderr, /ignores/);
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ ignores: 'seed0.txt' }));
  assert.match(runCli(['check', '.'], { cwd: dir }).stderr, /ignores/, 'a bad ignores is named');
});

test('a broken suppressions file is named with what is wrong, and nothing is checked', () => {
  const dir = workspace();
  for (const [content, what] of [
    ['{ "version": 1, "files": ', /JSON/],
    ['{ "version": 1, "files": { "a.txt": [ { "rule": "typo", "text": "x", "context": "x", "count": 0 } ] } }', /files\.a\.txt\.0\.count/],
    ['{ "version": 2, "files": {} }', /version/],
  ] as const) {
    writeFileSync(join(dir, '.nianbao-suppressions.json'), content);
    const r = runCli(['check', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /忽略记录文件无效/);
    assert.match(r.stderr, what);
  }
});

test('ignores globs: ** folders, * within a name, a bare name anywhere, a folder and all under it', () => {
  const yes: [string, string][] = [['草稿/a.txt', '草稿/**'], ['x/草稿/a.txt', '**/草稿/*.txt'], ['a/b/2019年报.txt', '*2019*.txt'], ['drafts/a/b.txt', 'drafts/'], ['a.txt', './a.txt']];
  const no: [string, string][] = [['草稿a.txt', '草稿/**'], ['a/b.txt', 'a/*.md'], ['a/b/c.txt', 'a/*.txt'], ['x.txt', '?.md']];
  for (const [p, g] of yes) assert.ok(matchesGlob(p, g), `${g} matches ${p}`);
  for (const [p, g] of no) assert.ok(!matchesGlob(p, g), `${g} does not match ${p}`);
});
