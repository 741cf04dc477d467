// fee-report: section 六 of a 2021-format report must report 信息处理费; the fix only where the
// report itself shows that nothing can have been charged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, lint, LineIndex } from '../../server/src/core';
import { HUAIAN_2024, LAYOUTS, render, type ReportData } from '../helpers/layouts';
import { EXTERNAL, SEEDS, checkJson, runCli } from '../helpers/cli';
import { assertFixRoundTrip } from '../helpers/fix';

const ID = 'fee-report';
const found = (text: string) => lint(text).diagnostics.filter((d) => d.ruleId === ID);
const at = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);
const lineOf = (text: string, offset: number) => new LineIndex(text).position(offset).line + 1;
const seed = (name: string) => readFileSync(`${SEEDS}/${readdirSync(SEEDS).find((f) => f.startsWith(name))}`, 'utf8');
const external = (name: string) => readFileSync(`${EXTERNAL}/${name}.txt`, 'utf8');

/** 淮安 2024's tables with every 表三 cell 0: no application at all. */
const NO_APPLICATIONS: ReportData = { ...HUAIAN_2024, t3: Object.fromEntries(Object.entries(HUAIAN_2024.t3).map(([k, v]) => [k, v.map(() => 0)])) };
const OTHER = '2024年，本单位认真落实上级政务公开工作要点，无其他需要报告的事项。';

test('quiet on every layout of the rendered report (its 六 says 未收取信息处理费)', () => {
  for (const layout of LAYOUTS) assert.deepEqual(found(render(HUAIAN_2024, layout)), [], layout);
});

test('on the real reports: only seed 000, which has no section 六 at all', () => {
  for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt'))) {
    const text = readFileSync(`${SEEDS}/${f}`, 'utf8');
    const d = found(text);
    if (f.startsWith('000')) {
      assert.deepEqual(d.map((x) => `${lineOf(text, x.range.start)}:${at(text, x.range)}`), ['96:2024年1月18日']);
      assert.equal(d[0]!.fix, undefined, 'no fix without a section to put it in');
    } else assert.deepEqual(d, [], f);
  }
  for (const f of readdirSync(EXTERNAL).filter((x) => x.endsWith('.txt'))) assert.deepEqual(found(readFileSync(`${EXTERNAL}/${f}`, 'utf8')), [], f);
});

test('every way real reports state the fees counts as a statement', () => {
  const statements = [
    '2024年，本单位未收取信息处理费。',
    '按照《政府信息公开信息处理费管理办法》规定，2024年我单位未收取政府信息公开处理费。',
    '2024年度本单位政务公开不存在收费情况且无其他需要报告的事项。',
    '按件、按量收费标准，本年度没有产生信息处理费。',
    '本年度未产生任何费用。',
    '全年收取政府信息公开信息处理费 3940 元。',
    '（一）收取信息处理费情况:2024年本单位政府信息公开工作没有收取信息处理费。',
  ];
  for (const other of statements) assert.deepEqual(found(render({ ...HUAIAN_2024, prose: { other } }, 'pdf')), [], other);
});

test('section 六 without a fee statement, fee notices in 表三: the cell is named, no fix', () => {
  for (const layout of LAYOUTS) {
    const text = render({ ...HUAIAN_2024, prose: { other: OTHER } }, layout);
    const d = found(text);
    assert.equal(d.length, 1, layout);
    assert.match(at(text, d[0]!.range), /六、其他需要报告的事项/);
    assert.match(d[0]!.message.zh, /表三“（六）其他处理”第2项（申请人逾期未按收费通知要求缴纳费用）总计为6，本年发出过收费通知/);
    assert.match(d[0]!.message.en, /item 2 .* totals 6: fee notices were sent/);
    assert.match(at(text, d[0]!.related![0]!.range), /^[6６]$/);
    assert.equal(d[0]!.fix, undefined, 'the amount is unknown: no fix');
  }
});

test('real reports with their fee sentence removed: 洪泽 2024 (applications, no notices) has no fix', () => {
  const text = external('hongze-district-2024').replace(/2024 年，区政府严格落实《政府信息公开信息处理费管理办\n法》，全年收取政府信息公开信息处理费 0 元。/, '2024 年，区政府认真落实政务公开工作要点。');
  const d = found(text);
  assert.equal(d.length, 1);
  assert.equal(lineOf(text, d[0]!.range.start), 155);
  assert.equal(d[0]!.message.zh, '第六部分“其他需要报告的事项”没有报告信息处理费的收取情况（收取了多少或未收取都应写明）');
  assert.equal(d[0]!.fix, undefined, '95 applications: whether fees were charged is not known');
});

test('no application at all: the fix inserts “本年度未收取信息处理费。” at the end of 六, in every layout', () => {
  for (const layout of LAYOUTS) {
    const text = render({ ...NO_APPLICATIONS, prose: { other: OTHER } }, layout);
    const d = found(text);
    assert.equal(d.length, 1, layout);
    assert.equal(d[0]!.fix?.safe, false, 'a statement is added: applied on request, not by --fix');
    const fixed = assertFixRoundTrip(text, ID);
    assert.ok(fixed.includes('本年度未收取信息处理费。'), layout);
    assert.equal(fixed.split('本年度未收取信息处理费').length, 2, 'inserted once');
    // after the section's own text, as its own line (a <p> in HTML), nothing else changed
    const after = fixed.slice(fixed.indexOf(OTHER.slice(5)));
    assert.match(after, layout === 'html' ? /要点，无其他需要报告的事项。<\/p>\n<p>本年度未收取信息处理费。<\/p>/ : /要点，无其他需要报告的事项。\r?\n本年度未收取信息处理费。/, layout);
    assert.deepEqual(lint(fixed).diagnostics.map((x) => x.ruleId).sort(), lint(text).diagnostics.filter((x) => x.ruleId !== ID).map((x) => x.ruleId).sort(), `${layout}: nothing else changes`);
  }
});

test('seeds with no applications and their fee sentence removed: the fix lands before the signature and date', () => {
  // seed 002: Markdown, paragraphs separated by blank lines
  const s2 = seed('002').replace('2023年度本单位政务公开不存在收费情况且无其他需要报告的事项。', '2023年度本单位无其他需要报告的事项。\n\n卫滨区科技和工业信息化局\n\n2024年1月20日\n');
  const fixed2 = assertFixRoundTrip(s2, ID);
  assert.ok(fixed2.endsWith('2023年度本单位无其他需要报告的事项。\n\n本年度未收取信息处理费。\n\n卫滨区科技和工业信息化局\n\n2024年1月20日\n'), fixed2.slice(-120));
  // seed 004: Word text, NBSP lines at the end
  const s4 = seed('004').replace(/按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉[^\n]*/, '无。');
  const fixed4 = assertFixRoundTrip(s4, ID);
  assert.match(fixed4, /六、其他需要报告的事项\n无。\n本年度未收取信息处理费。\n\u00a0\n/);
  // seed 003: PDF-ish text, CRLF line ends
  const s3 = seed('003').replace('按照《政府信息公开信息处理费管理办法》规定，2023年我单位未收取政府信息公开处理费。', '本单位无其他需要报告的事项。\n偃师区政务服务和大数据管理局\n二〇二四年一月十五日').replace(/\n/g, '\r\n');
  const fixed3 = assertFixRoundTrip(s3, ID);
  assert.ok(fixed3.includes('本单位无其他需要报告的事项。\r\n\r\n本年度未收取信息处理费。\r\n偃师区政务服务和大数据管理局\r\n二〇二四年一月十五日'), JSON.stringify(fixed3.slice(-140)));
});

test('section 六 with only its heading: the sentence goes right under it', () => {
  const text = render({ ...NO_APPLICATIONS, prose: { other: '' } }, 'tsv').replace(/六、其他需要报告的事项\n\n$/, '六、其他需要报告的事项\n');
  const d = found(text);
  assert.equal(d.length, 1);
  const fixed = applyEdits(text, d[0]!.fix!.edits).text;
  assert.ok(fixed.endsWith('六、其他需要报告的事项\n本年度未收取信息处理费。\n'), JSON.stringify(fixed.slice(-60)));
  assertFixRoundTrip(text, ID);
});

test('fees stated only in another section, and reports of the 2019 format, are left alone', () => {
  const elsewhere = render(
    { ...HUAIAN_2024, prose: { other: OTHER, overview: '2024年，我市依法办理政府信息公开申请，未收取信息处理费。（一）主动公开情况。（二）依申请公开情况。（三）政府信息管理情况。（四）政府信息公开平台建设情况。（五）监督保障情况。' } },
    'tsv',
  );
  assert.deepEqual(found(elsewhere), []);
  // citing the 管理办法 in 一 is not a statement about what was charged
  const cited = render(
    { ...HUAIAN_2024, prose: { other: OTHER, overview: '2024年，我市严格落实《政府信息公开信息处理费管理办法》，规范办理申请。（一）主动公开情况。（二）依申请公开情况。（三）政府信息管理情况。（四）政府信息公开平台建设情况。（五）监督保障情况。' } },
    'tsv',
  );
  assert.equal(found(cited).length, 1);
  // a 2019-format report (its 表二 labels): the fee rule of the 2021 format does not apply
  const t2019 = render({ ...HUAIAN_2024, prose: { other: OTHER } }, 'tsv')
    .replace('本年制发件数', '本年新制作数量').replace('本年废止件数', '本年新公开数量').replace('现行有效件数', '对外公开总数量')
    .replace('本年处理决定数量', '上一年项目数量').replace('本年收费金额（单位：万元）', '本年增/减');
  assert.equal(lint(t2019).report.format, '2019');
  assert.deepEqual(found(t2019), []);
});

test('CLI: a warning whose fix is in the JSON output; --fix leaves the unsafe insertion alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-fee-'));
  try {
    const file = join(dir, 'report.txt');
    const text = render({ ...NO_APPLICATIONS, prose: { other: OTHER } }, 'tsv');
    writeFileSync(file, text);
    const { results } = checkJson([file]);
    const m = results[0]!.messages.filter((x) => x.ruleId === ID);
    assert.deepEqual(m.map((x) => [x.severity, x.line]), [[1, lineOf(text, found(text)[0]!.range.start)]]);
    assert.match(m[0]!.message, /没有报告信息处理费/);
    assert.match(m[0]!.fix!.text, /^\n本年度未收取信息处理费。$/);
    runCli(['check', '--fix', file]);
    assert.ok(!readFileSync(file, 'utf8').includes('本年度未收取信息处理费'), '--fix applies only safe fixes');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
