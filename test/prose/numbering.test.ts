// numbering: enumerations and sub-heading numbers that skip, repeat, restart or invert levels, in
// several layouts and in PDF-broken text; real structures that must stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HUAIAN_2024, LAYOUTS, render } from '../helpers/layouts';
import { EXTERNAL, SEEDS } from '../helpers/cli';
import { at, lineOf, pdfLines, reportWith, diags } from '../helpers/prose';

const RULE = 'numbering';
const LINE_LAYOUTS = ['tsv', 'pdf', 'markdown', 'cell-per-line-pipe', 'space-separated'] as const;
const withProblems = (layout: (typeof LAYOUTS)[number], problems: string) => reportWith(layout, { problems });

test('the rendered tables, with their numbered rows, give no numbering diagnostics in any layout', () => {
  for (const layout of LAYOUTS) assert.deepEqual(diags(render(HUAIAN_2024, layout), RULE).map((d) => d.message.zh), [], layout);
});

test('一是 … 三是 … 三是 (平潭 2023): a skip and a repeat, also broken across PDF lines', () => {
  const problems = '存在的主要问题：一是政策解读形式较为单一；三是信息发布及时性有待提高；三是工作人员业务能力仍需加强。下一步，我们将一是丰富解读形式；二是加强培训。';
  for (const layout of LINE_LAYOUTS) {
    for (const text of [withProblems(layout, problems), withProblems(layout, pdfLines(problems, 11))]) {
      const d = diags(text, RULE);
      assert.deepEqual(d.map((x) => at(text, x.range)), ['三是', '三是'], layout);
      assert.match(d[0]!.message.zh, /跳号.*一是.*三是/);
      assert.match(d[1]!.message.zh, /重复/);
      assert.match(d[1]!.message.en, /repeated/);
    }
  }
});

test('一是 … 二是 … 三是, and a new list at 一是, are quiet', () => {
  const problems = '存在的主要问题：一是政策解读形式较为单一；二是信息发布及时性有待提高；三是业务能力仍需加强。\n改进措施：一是丰富解读形式；二是加强培训；三是完善制度。';
  for (const layout of LINE_LAYOUTS) assert.deepEqual(diags(withProblems(layout, pdfLines(problems, 9)), RULE), [], layout);
});

test('sub-headings: （二） followed by （一） restarts, （一）（三） skips, each once', () => {
  const restart = '（一）存在的主要问题\n政策解读质量仍需提升。\n（二）改进措施\n（一）加强培训。\n（二）完善制度。';
  const skip = '（一）存在的主要问题\n政策解读质量仍需提升。\n（三）改进措施\n加强培训。';
  for (const layout of LINE_LAYOUTS) {
    let text = withProblems(layout, restart);
    let d = diags(text, RULE);
    assert.equal(d.length, 1, layout);
    assert.equal(at(text, d[0]!.range), '（一）');
    assert.match(d[0]!.message.zh, /重新从“（一）”开始.*“1\.”/);
    text = withProblems(layout, skip);
    d = diags(text, RULE);
    assert.deepEqual(d.map((x) => at(text, x.range)), ['（三）'], layout);
  }
});

test('levels: （一） opened under 1., 一、 opened under （一） are inversions', () => {
  const cases: [string, string][] = [
    ['1.存在的主要问题\n政策解读质量仍需提升。\n（一）解读形式单一。\n（二）解读不及时。\n2.改进措施\n加强培训。', '（一）'],
    ['（一）存在的主要问题\n一、解读形式单一。\n二、解读不及时。\n（二）改进措施\n加强培训。', '一、'],
    ['1.存在的主要问题\n（1）形式单一。\n（一）解读不及时。', '（一）'],
  ];
  for (const layout of LINE_LAYOUTS) {
    for (const [problems, marker] of cases) {
      const text = withProblems(layout, problems);
      const d = diags(text, RULE);
      assert.deepEqual(d.map((x) => at(text, x.range)), [marker], `${layout}: ${problems}`);
      assert.match(d[0]!.message.zh, /层级顺序颠倒/);
      assert.match(d[0]!.message.en, /Levels inverted/);
    }
  }
});

test('levels: skipping a level (1. under 一、) and going back up ((二) after 1. 2.) are fine', () => {
  const quiet = [
    '1.存在的主要问题\n政策解读质量仍需提升。\n2.改进措施\n加强培训。',
    '（一）存在的主要问题\n1.解读形式单一。\n2.解读不及时。\n（二）改进措施\n1.丰富解读形式。\n（1）图解。\n（2）视频。\n2.加强培训。',
    '（一）存在的主要问题\n（1）解读形式单一。\n（2）解读不及时。\n（二）改进措施\n加强培训。',
  ];
  for (const layout of LINE_LAYOUTS) for (const problems of quiet) assert.deepEqual(diags(withProblems(layout, problems), RULE).map((d) => d.message.zh), [], `${layout}: ${problems}`);
});

test('real reports: seed 000 restarts at （一） under （二）改进措施; seed 004 opens 一、 under （三）', () => {
  const s0 = readFileSync(`${SEEDS}/000_b5a011f3d089b4ff.txt`, 'utf8');
  let d = diags(s0, RULE);
  assert.deepEqual(d.map((x) => lineOf(s0, x)), [88]);
  assert.match(d[0]!.message.zh, /重新从“（一）”开始/);
  const s4 = readFileSync(`${SEEDS}/004_eac7cee84a78218c.txt`, 'utf8');
  d = diags(s4, RULE);
  assert.deepEqual(d.map((x) => [lineOf(s4, x), at(s4, x.range)]), [[11, '一、']]);
  // renumbered the standard way, the seeds are quiet
  assert.deepEqual(diags(s4.replace('（三）政府信息管理\n一、', '（三）政府信息管理\n1.'), RULE), []);
  // the improvements numbered one level down (1. 2. 3. 4.): quiet
  let k = 0;
  const fixed0 = s0.replace(/^（[一二三四]）(?=进一步深化|加强政务公开|不断创新|注重需求)/gm, () => `${++k}.`);
  assert.equal(k, 4);
  assert.deepEqual(diags(fixed0, RULE), []);
});

test('real reports with 一是 … 三是 in PDF text are quiet', () => {
  for (const f of ['hongze-district-2023.txt', 'hongze-district-2024.txt', 'huaian-city-2024.txt']) {
    const text = readFileSync(`${EXTERNAL}/${f}`, 'utf8');
    assert.deepEqual(diags(text, RULE).map((d) => d.message.zh), [], f);
    // one enumeration word changed: reported at its (PDF-broken) place
    const m = /三\s*是/.exec(text);
    if (!m) continue;
    const broken = text.slice(0, m.index) + '四是' + text.slice(m.index + m[0].length);
    const d = diags(broken, RULE);
    assert.ok(d.some((x) => at(broken, x.range) === '四是'), f);
  }
});

test('two reports pasted into one file: each 一、 inversion is reported once, in its own section', () => {
  // the second report's sections have the same numbers as the first's; a list of 一、 items
  // belongs to the section it stands in, not to every section with that number
  const s4 = readFileSync(`${SEEDS}/004_eac7cee84a78218c.txt`, 'utf8');
  const both = `${s4}\n${s4}`;
  const d = diags(both, RULE);
  assert.deepEqual(
    d.map((x) => [lineOf(both, x), at(both, x.range)]),
    [
      [11, '一、'],
      [11 + s4.split('\n').length, '一、'],
    ],
  );
});
