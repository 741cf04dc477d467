// narrative-table-mismatch: numbers in the prose against 表三 / 表四, on the real 淮安 2024 paragraph
// in every table layout (one line and PDF-broken), and on the real reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HUAIAN_2024, LAYOUTS, withCell, type ReportData } from '../helpers/layouts';
import { EXTERNAL } from '../helpers/cli';
import { HUAIAN_REQUESTS, ZEROS, ascii, at, lineOf, overview, pdfLines, reportWith, diags } from '../helpers/prose';

const RULE = 'narrative-table-mismatch';
const withRequests = (layout: (typeof LAYOUTS)[number], requests: string, data?: ReportData) => reportWith(layout, { overview: overview(requests) }, data);

for (const layout of LAYOUTS) {
  test(`${layout}: 淮安 2024's own paragraph agrees with its tables, on one line and PDF-broken`, () => {
    for (const requests of [HUAIAN_REQUESTS, pdfLines(HUAIAN_REQUESTS), pdfLines(HUAIAN_REQUESTS, 17)]) {
      assert.deepEqual(diags(withRequests(layout, requests), RULE).map((d) => d.message.zh), []);
    }
  });

  test(`${layout}: each changed number is reported at the number, with both numbers and the table cells`, () => {
    // [text as written, changed, the table's value, the cells it comes from]
    const cases: [string, string, number, string[]][] = [
      ['受理政府信息公开申请 3119 件', '受理政府信息公开申请 3118 件', 3119, ['3119']],
      ['答复 3050 件', '答复 3051 件', 3050, ['3050']],
      ['结转申请 34 件', '结转申请 33 件', 34, ['34']],
      ['另有 103 件顺延', '另有 104 件顺延', 103, ['103']],
      ['行政复议 351 件', '行政复议 350 件', 351, ['351']],
      ['其中结果维持 72 件', '其中结果维持 71 件', 72, ['72']],
      ['尚未审结 37 件', '尚未审结 36 件', 37, ['37']],
      ['行政诉讼 46 件', '行政诉讼 45 件', 46, ['26', '20']],
      ['结果纠正 5 件', '结果纠正 6 件', 5, ['4', '1']],
    ];
    for (const [from, to, table, cells] of cases) {
      const stated = /(\d+) 件/.exec(to)![1]!;
      for (const requests of [HUAIAN_REQUESTS.replace(from, to), pdfLines(HUAIAN_REQUESTS.replace(from, to), 23)]) {
        const text = withRequests(layout, requests);
        const d = diags(text, RULE);
        assert.equal(d.length, 1, `${to}: ${d.map((x) => x.message.zh).join(' / ')}`);
        assert.equal(ascii(at(text, d[0]!.range)), stated);
        assert.ok(d[0]!.message.zh.includes(` ${stated} `) && d[0]!.message.zh.includes(` ${table}`), d[0]!.message.zh);
        assert.ok(d[0]!.message.en.includes(`${stated} `) && d[0]!.message.en.includes(` ${table}`), d[0]!.message.en);
        assert.deepEqual(d[0]!.related!.map((r) => ascii(at(text, r.range))), cells);
      }
    }
  });

  test(`${layout}: every occurrence is reported, each in its own sentence`, () => {
    const requests = HUAIAN_REQUESTS.replace('3119 件', '3118 件') + '全年共收到政府信息公开申请 3118 件，同比增长 12%。本年新收政府信息公开申请 3119 件。';
    const text = withRequests(layout, pdfLines(requests));
    const d = diags(text, RULE);
    assert.equal(d.length, 2);
    assert.ok(d.every((x) => ascii(at(text, x.range)) === '3118'));
    assert.ok(d[0]!.range.start < d[1]!.range.start);
  });

  test(`${layout}: a table cell changed so the prose disagrees`, () => {
    // 自然人 and 总计 both changed: the row adds up, the prose (3119) is now wrong
    const data = withCell(withCell(HUAIAN_2024, 't3', '一', 0, 3002), 't3', '一', 6, 3120);
    const text = withRequests(layout, pdfLines(HUAIAN_REQUESTS), data);
    const d = diags(text, RULE);
    assert.equal(d.length, 1);
    assert.match(d[0]!.message.zh, /3119.*3120/);
    assert.equal(ascii(at(text, d[0]!.related![0]!.range)), '3120');
    // only the total changed: the prose matches the sum of the parts, the table rules report the total
    const totalOnly = withRequests(layout, HUAIAN_REQUESTS, withCell(HUAIAN_2024, 't3', '一', 6, 3120));
    assert.deepEqual(diags(totalOnly, RULE), []);
  });
}

test('“no applications”, “no reviews or lawsuits” and “all upheld” against the tables', () => {
  const upheldOnly: ReportData = { ...HUAIAN_2024, t4: [10, 0, 2, 0, 12, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0] };
  const cases: [string, ReportData, string[]][] = [
    ['2024 年，我市未收到政府信息公开申请。', HUAIAN_2024, ['未收到政府信息公开申请']],
    ['2024 年，我市未收到政府信息公开申请。', ZEROS, []],
    ['2024 年我局未收到群众要求公开政府信息的申请。', HUAIAN_2024, ['未收到群众要求公开政府信息的申请']],
    ['全年未发生因政府信息公开引发的行政复议、行政诉讼案件。', HUAIAN_2024, ['未发生因政府信息公开引发的行政复议', '行政诉讼']],
    ['全年未发生因政府信息公开引发的行政复议、行政诉讼案件。', ZEROS, []],
    ['本年度无因政府信息公开被申请行政复议的情况。', HUAIAN_2024, ['无因政府信息公开被申请行政复议']],
    ['全年未发生行政复议被纠错的情况。', upheldOnly, []],
    ['因政府信息公开被申请行政复议 12 件，均获维持。', HUAIAN_2024, ['12', '均获维持']],
    ['因政府信息公开被申请行政复议 12 件，均获维持。', upheldOnly, []],
    ['行政诉讼 3 件，法院均维持原行政行为。', upheldOnly, []],
    ['行政诉讼 46 件，法院均维持原行政行为。', HUAIAN_2024, ['均维持']],
    ['行政复议和行政诉讼均为 0 件。', ZEROS, []],
    ['行政复议和行政诉讼均为 0 件。', upheldOnly, ['0', '0']],
  ];
  for (const layout of ['tsv', 'pdf', 'html'] as const) {
    for (const [sentence, data, found] of cases) {
      const text = withRequests(layout, pdfLines(`（二）依申请公开情况。${sentence}`, 13), data);
      const d = diags(text, RULE);
      assert.deepEqual(d.map((x) => at(text, x.range)), found, `${layout}: ${sentence}`);
      for (const x of d) assert.ok(x.related!.length > 0 && x.message.en.length > 0);
    }
  }
  // the cells named are the corrected and pending ones
  const text = withRequests('tsv', '（二）依申请公开情况。行政复议案件均获维持。');
  const d = diags(text, RULE);
  assert.equal(d.length, 1);
  assert.match(d[0]!.message.zh, /结果纠正” 64.*尚未审结” 37/);
  assert.deepEqual(d[0]!.related!.map((r) => at(text, r.range)), ['64', '37']);
});

test('numbers of a subset, another body or another year are not compared', () => {
  const quiet = [
    '2023 年，全市共受理政府信息公开申请 2800 件。',
    '与上年相比，上年受理申请 2800 件。',
    '各县区共受理政府信息公开申请 5200 件，市级部门受理 800 件。',
    '其中通过网上申请平台收到申请 2000 件。',
    '全年办理行政复议案件 1200 件，其中涉及政府信息公开的 351 件。',
    '全市共受理政府信息公开申请 3119 件，较上年增加 300 件。',
    '对不予受理的 62 件申请均依法告知。',
    '予以公开 1362 件，部分公开 454 件，无法提供 781 件。',
    '予以公开及部分公开 1816 件。',
    '共受理政府信息公开申请 3153 件（含上年结转 34 件）。',
    '全市共受理政府信息公开申请 3,119 件。',
    '全市共受理政府信息公开申请 3000 余件，收到 2 件行政复议申请。',
    '12345 热线共受理群众诉求 5000 件，答复 5000 件网民留言。',
  ];
  for (const s of quiet) {
    const text = withRequests('tsv', `（二）依申请公开情况。${s}`);
    assert.deepEqual(diags(text, RULE).map((d) => d.message.zh), [], s);
  }
  const loud: [string, string][] = [
    ['予以公开 1362 件，部分公开 455 件。', '455'],
    ['予以公开及部分公开 1800 件。', '1800'],
    ['不予公开 179 件。', '179'],
    ['未经复议直接起诉 27 件，复议后起诉 20 件。', '27'],
    ['共办结政府信息公开申请 3000 件。', '3000'],
    ['全市共受理政府信息公开申请三千件。', '三千'],
    ['全市共受理政府信息公开申请 3,118 件。', '3,118'],
    ['本单位共收到政府信息公开申请 3118 件。', '3118'],
    ['2024年，我部门共受理政府信息公开申请 3118 件。', '3118'],
    ['其中自然人申请 3000 件，法人或其他组织申请 118 件。', '3000'],
    ['办结 3000 件，103 件结转下年度办理。', '3000'],
    ['办结 3050 件，2 件结转下年度办理。', '2'],
  ];
  for (const [s, n] of loud) {
    const text = withRequests('tsv', `（二）依申请公开情况。${s}`);
    assert.deepEqual(diags(text, RULE).map((d) => at(text, d.range)), [n], s);
  }
});

test('结转至 the next year written as a year, 依申请公开件 as the noun, and a sentence with the 本级 figure and the whole one', () => {
  const cityOnly = withCell(withCell(HUAIAN_2024, 't3', '一', 0, 694), 't3', '一', 6, 812); // a table of the city government's own office
  const cases: [string, ReportData, string[]][] = [
    ['答复 3050 件（含上年度结转申请 34 件，另有 130 件结转至 2025 年办理）。', HUAIAN_2024, ['130']],
    ['另有 130 件顺延至 2025 年办理。', HUAIAN_2024, ['130']],
    ['另有 103 件结转至 2025 年办理。', HUAIAN_2024, []],
    ['结转至 2025 年继续办理的申请 130 件。', HUAIAN_2024, ['130']],
    ['另有 130 件结转至 2026 年办理。', HUAIAN_2024, []], // not the year after the report's: not this quantity
    ['2024 年，全市共收到依申请公开件 3191 件。', HUAIAN_2024, ['3191']],
    ['2024 年，全市共收到依申请公开件 3119 件。', HUAIAN_2024, []],
    ['2024 年，市政府本级共受理政府信息公开申请 812 件，全市共受理政府信息公开申请 3119 件。', HUAIAN_2024, []],
    ['2024 年，市政府本级共受理政府信息公开申请 812 件，全市共受理政府信息公开申请 3119 件。', cityOnly, []],
    ['2024 年，全市共受理政府信息公开申请 3119 件，市政府本级受理 812 件。', cityOnly, []],
    ['2024 年，市政府本级共受理政府信息公开申请 812 件，全市共受理政府信息公开申请 3191 件。', HUAIAN_2024, ['3191']],
  ];
  for (const layout of LAYOUTS) {
    for (const [sentence, data, expected] of cases) {
      for (const requests of [sentence, pdfLines(sentence, 13)]) {
        const text = withRequests(layout, `（二）依申请公开情况。${requests}`, data);
        assert.deepEqual(diags(text, RULE).map((d) => ascii(at(text, d.range))), expected, `${layout}: ${requests}`);
      }
    }
  }
});

test('行政复议 cases and hotline tickets outside the requests part are not compared', () => {
  const other = '（五）监督保障情况。全年办理行政复议案件 560 件，行政诉讼案件 300 件，均获维持；12345 热线共受理 5000 件，办结 4990 件。';
  for (const layout of ['tsv', 'pdf'] as const) {
    const text = reportWith(layout, { overview: overview(pdfLines(HUAIAN_REQUESTS)).replace('（五）监督保障情况。加强监督保障。', other) });
    assert.deepEqual(diags(text, RULE).map((d) => d.message.zh), [], layout);
  }
  // in the requests part they are the report's own numbers
  const text = reportWith('tsv', { overview: overview(`（二）依申请公开情况。全年行政复议 560 件。`) });
  assert.deepEqual(diags(text, RULE).map((d) => at(text, d.range)), ['560']);
});

test('real report: 洪泽区 2024 says 17 applications, 表三 says 95; agreeing text is quiet', () => {
  const hz = readFileSync(`${EXTERNAL}/hongze-district-2024.txt`, 'utf8');
  const d = diags(hz, RULE);
  assert.equal(d.length, 1);
  assert.equal(lineOf(hz, d[0]!), 25);
  assert.equal(at(hz, d[0]!.range), '17');
  assert.match(d[0]!.message.zh, /17 件.*95/);
  assert.match(d[0]!.message.en, /17 applications.*95/);
  const cell = d[0]!.related![0]!;
  assert.equal(at(hz, cell.range), '95');
  assert.match(hz.split('\n')[lineOf(hz, cell) - 1]!, /^一、本年新收政府信息公开申请数量/);
  assert.deepEqual(diags(hz.replace('申请 17 件', '申请 95 件'), RULE), []);
});

test('real report: 淮安 2024 with one number changed in its PDF text', () => {
  const ha = readFileSync(`${EXTERNAL}/huaian-city-2024.txt`, 'utf8');
  assert.deepEqual(diags(ha, RULE), []);
  for (const [from, to, line] of [['申请 3119 件', '申请 3191 件', 29], ['诉讼 46 件', '诉讼 64 件', 33], ['尚\n未审结 37 件', '尚\n未审结 73 件', 33]] as const) {
    const text = ha.replace(from, to);
    const d = diags(text, RULE);
    assert.equal(d.length, 1, to);
    assert.equal(lineOf(text, d[0]!), line);
  }
});

test('a count of all cases followed by its 信息公开 subset, a pending count of all lawsuits, and parts of the year are not compared as the table\'s', () => {
  // correct against 淮安 2024 (表四: 复议 351, 直接起诉 26, 复议后起诉 20; 尚未审结 37, 1, 6); fphunt FP4–FP6
  const R8 = '2024年，市政府作为被申请人的行政复议案件共860件，作为被告的行政诉讼案件共420件；其中涉及政府信息公开的行政复议351件、行政诉讼46件。';
  const R5 = '因政府信息公开工作引发行政诉讼46件，其中直接起诉26件，经复议后起诉20件，已审结39件，尚未审结7件。';
  const cases: [string, string[]][] = [
    [R8, []],
    ['全市共收到行政复议申请3560件，依法受理3210件，其中政府信息公开类351件，结果维持72件。', []],
    [R5, []],
    ['全年共办结政府信息公开申请3050件，其中按期答复3050件，延期答复0件。', []],
    ['全年共办结政府信息公开申请3050件，按期答复3040件，逾期答复10件。', []],
    ['全年共收到政府信息公开申请3119件，其中前三季度收到2000件，第四季度收到1119件。', []],
    ['全年上半年受理政府信息公开申请1500件，下半年受理1619件。', []],
    ['1—6月受理政府信息公开申请1500件，7—12月受理政府信息公开申请1619件。', []],
    // the subset itself is 表四's count, and a clause about one group is compared with it
    [R8.replace('复议351件', '复议350件'), ['350']],
    [R8.replace('诉讼46件', '诉讼45件'), ['45']],
    ['经复议后起诉20件，其中尚未审结5件。', ['5']],
    ['因政府信息公开工作引发行政诉讼46件，其中尚未审结8件。', ['8']],
    // dates that cover the whole year do not narrow it
    ['截至12月31日，全市共受理政府信息公开申请3118件。', ['3118']],
    ['1—12月共受理政府信息公开申请3118件。', ['3118']],
  ];
  for (const layout of LAYOUTS) {
    for (const [sentence, expected] of cases) {
      for (const requests of [sentence, pdfLines(sentence, 13)]) {
        const text = withRequests(layout, `（二）依申请公开情况。${requests}`);
        assert.deepEqual(diags(text, RULE).map((d) => ascii(at(text, d.range))), expected, `${layout}: ${requests}`);
      }
    }
  }
});

test('approximate counts (余, 多, 近, 约, 超过, 逾) are compared as approximations', () => {
  // 表三 本年新收 总计 3119, 表四 行政复议 总计 351
  const cases: [string, string[]][] = [
    ['全年受理政府信息公开申请3000余件。', []],
    ['全年受理政府信息公开申请3100多件。', []],
    ['全年受理政府信息公开申请近3200件。', []],
    ['全年受理政府信息公开申请约3000件。', []],
    ['全年受理政府信息公开申请超过3000件。', []],
    ['因政府信息公开被申请行政复议300余件。', []],
    ['全年受理政府信息公开申请2000余件。', ['2000']],
    ['全年受理政府信息公开申请近3000件。', ['3000']],
    ['全年受理政府信息公开申请约1000件。', ['1000']],
    ['全年受理政府信息公开申请超过4000件。', ['4000']],
    ['因政府信息公开被申请行政复议100余件。', ['100']],
  ];
  for (const layout of ['tsv', 'pdf'] as const) {
    for (const [sentence, found] of cases) {
      const text = withRequests(layout, pdfLines(`（二）依申请公开情况。${sentence}`, 13));
      const d = diags(text, RULE);
      assert.deepEqual(d.map((x) => at(text, x.range)), found, `${layout}: ${sentence}`);
      for (const x of d) assert.match(x.message.zh, /(余|多|近|约|超过|逾)/);
    }
  }
});

test('“均已办结” and “无结转” against 表三 结转下年度 and 上年结转', () => {
  const noCarry: ReportData = withCell(withCell(HUAIAN_2024, 't3', '四', 6, 0), 't3', '二', 6, 0);
  const cases: [string, ReportData, string[]][] = [
    ['全年收到的政府信息公开申请均已办结。', HUAIAN_2024, ['均已办结']],
    ['全年收到的政府信息公开申请均已办结。', noCarry, []],
    ['除103件结转下年度外，其余申请均已办结。', HUAIAN_2024, []],
    ['12345热线工单均已办结。', HUAIAN_2024, []],
    ['本年度无结转下年度的政府信息公开申请。', HUAIAN_2024, ['无结转下年度的政府信息公开申请']],
    ['本年度无结转下年度的政府信息公开申请。', noCarry, []],
    ['本年度无上年结转的政府信息公开申请。', HUAIAN_2024, ['无上年结转的政府信息公开申请']],
    ['本年度无上年结转的政府信息公开申请。', noCarry, []],
  ];
  for (const layout of ['tsv', 'pdf', 'html'] as const) {
    for (const [sentence, data, found] of cases) {
      const text = withRequests(layout, pdfLines(`（二）依申请公开情况。${sentence}`, 13), data);
      const d = diags(text, RULE);
      assert.deepEqual(d.map((x) => at(text, x.range)), found, `${layout}: ${sentence}`);
      for (const x of d) assert.ok(x.related!.length > 0 && /103|34/.test(x.message.zh));
    }
  }
});
