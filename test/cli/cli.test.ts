// The real `nianbao` process: output formats, exit codes, --fix, --rule, --locale, config files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkJson, runCli, SEEDS, EXTERNAL } from '../helpers/cli';
import { HUAIAN_2024, render, withCell } from '../helpers/layouts';
import { tempDir } from '../helpers/tmp';

const tmp = () => tempDir('cli');

test('json output has ESLint formatter shape with 1-based positions', () => {
  const { code, results } = checkJson([join(SEEDS, '002_60914c73e690bbf7.txt')]);
  assert.equal(code, 1);
  const r = results[0]!;
  assert.ok(r.filePath.endsWith('002_60914c73e690bbf7.txt'));
  const m = r.messages.find((x) => x.ruleId === 'table-label-typo')!;
  assert.deepEqual([m.severity, m.line, m.column, m.endLine, m.endColumn], [2, 30, 13, 30, 19]);
  assert.equal(m.fix!.text, '本年废止件数');
  assert.equal(typeof r.errorCount, 'number');
  assert.equal(typeof r.warningCount, 'number');
});

test('exit 0 on a clean report, 1 on errors, 2 on usage and missing files', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'ok.txt'), render(HUAIAN_2024, 'tsv'));
  const ok = runCli(['check', '--rule', 'narrative-table-mismatch=off', join(dir, 'ok.txt')]);
  const errs = checkJson([join(dir, 'ok.txt')]).results[0]!.messages.filter((m) => m.severity === 2);
  if (!errs.length) assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.equal(runCli(['check', '--format', 'xml', join(dir, 'ok.txt')]).code, 2);
  assert.equal(runCli(['check', '--rule', 'table-balance=loud', join(dir, 'ok.txt')]).code, 2);
  assert.equal(runCli(['frobnicate']).code, 2);
  const missing = runCli(['check', join(dir, 'nope.txt')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /不存在/);
});

test('a missing file among good ones is reported and the rest are still checked', () => {
  const { code, results, stderr } = checkJson([join(SEEDS, '002_60914c73e690bbf7.txt'), '/nonexistent/x.txt']);
  assert.equal(code, 2, 'the exit code says a file could not be read');
  assert.equal(results.length, 1);
  assert.match(stderr, /x\.txt/);
});

test('--fix writes the safe fixes and leaves nothing fixable; a second run changes nothing', () => {
  const dir = tmp();
  const f = join(dir, '000.txt');
  copyFileSync(join(SEEDS, '000_b5a011f3d089b4ff.txt'), f);
  runCli(['check', '--fix', f]);
  const once = readFileSync(f, 'utf8');
  assert.ok(once.includes('本年废止件数') && !once.includes('本年度止件数'));
  assert.ok(once.includes('四、政府信息公开行政复议、行政诉讼情况\n'));
  const after = checkJson([f]).results[0]!.messages;
  assert.ok(!after.some((m) => m.ruleId === 'table-label-typo' || m.ruleId === 'section-missing'));
  runCli(['check', '--fix', f]);
  assert.equal(readFileSync(f, 'utf8'), once);
});

test('--fix leaves correct totals alone: one wrong part, a letter O for a number; a total that is certainly wrong is fixed', () => {
  const dir = tmp();
  const run = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    runCli(['check', '--fix', f]);
    return readFileSync(f, 'utf8');
  };
  // 1288→1289 in one part: the row total 1362, the （七） totals 2932 and 3050 stay as they are
  const part = render(withCell(HUAIAN_2024, 't3', '三.1', 0, 1289), 'tsv');
  assert.equal(run('part.txt', part), part);
  const left = checkJson([join(dir, 'part.txt')]).results[0]!.messages.map((m) => m.ruleId).sort();
  assert.deepEqual(left, ['table-column-total', 'table-row-total'], 'both sums are still reported');
  // a letter O where 1288 was: O→0 is applied, and the next passes do not rewrite the totals from that 0
  const letter = render(HUAIAN_2024, 'tsv').replace('\t1288\t', '\tO\t');
  assert.equal(run('letter.txt', letter), letter.replace('\tO\t', '\t0\t'));
  // （七）自然人 wrong: its column, the （七） row and the balance all give 2932
  const total = render(withCell(HUAIAN_2024, 't3', '三.7', 0, 2933), 'tsv');
  assert.equal(run('total.txt', total), render(HUAIAN_2024, 'tsv'));
});

test('--fix keeps a BOM and CRLF line ends', () => {
  const dir = tmp();
  const f = join(dir, 'crlf.txt');
  const text = '\ufeff' + render(withCell(HUAIAN_2024, 't3', '一', 6, 3120), 'tsv').replace(/\n/g, '\r\n');
  writeFileSync(f, text);
  runCli(['check', '--fix', f]);
  const out = readFileSync(f, 'utf8');
  assert.ok(out.startsWith('\ufeff'));
  assert.ok(!/[^\r]\n/.test(out));
  assert.ok(out.includes('\t61\t4\t3119\r\n'));
});

test('--rule turns a rule off; --locale en speaks English', () => {
  const f = join(EXTERNAL, 'hongze-district-2023.txt');
  const off = checkJson([f], ['--rule', 'table-row-total=off']).results[0]!.messages;
  assert.ok(!off.some((m) => m.ruleId === 'table-row-total'));
  const en = checkJson([f], ['--locale', 'en']).results[0]!.messages.find((m) => m.ruleId === 'table-row-total')!;
  assert.match(en.message, /^Table 4, “行政复议”: total 0 ≠ 10\+1\+0\+0 = 11$/);
});

test('.nianbaorc.json is found upward; a bad one is a clear message, not a crash', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'sub'));
  const f = join(dir, 'sub', 'r.txt');
  copyFileSync(join(EXTERNAL, 'hongze-district-2023.txt'), f);
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'table-row-total': 'warning' } }));
  const m = checkJson([f]).results[0]!.messages.filter((x) => x.ruleId === 'table-row-total');
  assert.ok(m.length === 2 && m.every((x) => x.severity === 1));
  writeFileSync(join(dir, '.nianbaorc.json'), '{"rules": {"table-row-total": "loud"}, "colour": 1}');
  const bad = checkJson([f]);
  assert.match(bad.stderr, /\.nianbaorc\.json/);
  assert.match(bad.stderr, /rules\.table-row-total/);
  assert.equal(bad.results.length, 1);
  writeFileSync(join(dir, '.nianbaorc.json'), '{not json');
  assert.match(checkJson([f]).stderr, /JSON/);
});

test('sarif output is SARIF 2.1.0 with rule metadata', () => {
  const r = runCli(['check', '--format', 'sarif', join(SEEDS, '002_60914c73e690bbf7.txt')]);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'table-label-typo');
  assert.equal(res.locations[0].physicalLocation.region.startLine, 30);
  assert.ok(sarif.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'table-balance'));
});

test('stylish output names file, position, message and rule; folders are searched', () => {
  const dir = tmp();
  copyFileSync(join(SEEDS, '002_60914c73e690bbf7.txt'), join(dir, 'a.txt'));
  writeFileSync(join(dir, 'notes.md'), '# 备忘\n无关内容\n');
  const r = runCli(['check', dir]);
  assert.match(r.stdout, /a\.txt\n\s+30:13\s+错误\s+列标签“本年度止件数”应为“本年废止件数”\s+table-label-typo/);
  // notes.md reads as no report: skipped with a one-line note, not counted as checked
  assert.match(r.stdout, /notes\.md: 已跳过：看起来不是年度报告/);
  assert.match(r.stdout, /检查了 1 个文件，跳过 1 个不像年报的文件/);
});

test('--stdin checks text from standard input', () => {
  const r = runCli(['check', '--stdin', '--stdin-filename', 'draft.txt', '--format', 'json'], { input: readFileSync(join(SEEDS, '002_60914c73e690bbf7.txt'), 'utf8') });
  assert.equal(r.code, 1);
  const res = JSON.parse(r.stdout);
  assert.ok(res[0].filePath.endsWith('draft.txt'));
  assert.ok(res[0].messages.some((m: { ruleId: string; line: number }) => m.ruleId === 'table-label-typo' && m.line === 30));
});
