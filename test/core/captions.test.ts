// Table captions (表3, 附表2, 表三：title, （单位：件）), a table's title row and an HTML
// <caption> are neither table data nor section headings, in every layout; a real duplicated
// section and a heading written without its number are still read as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, parseReport, FORMAT_2021 } from '../../server/src/core';
import { HUAIAN_2024, LAYOUTS, render, tableValues as values, withCell, type Layout } from '../helpers/layouts';
import { assertFixRoundTrip } from '../helpers/fix';

const TITLE = FORMAT_2021.sections.map((s) => s.title);
const bare = (n: number) => TITLE[n - 1]!.replace(/^[一二三四五六]、/, '');

/** Where the line of the heading of section n (or of `heading`) ends in `text`. */
function headingLineEnd(text: string, n: number, layout: Layout, heading = TITLE[n - 1]!): number {
  const at = text.indexOf(heading);
  assert.ok(at >= 0, `heading ${heading} not found`);
  const eol = text.indexOf(layout === 'crlf-bom-fullwidth' ? '\r\n' : '\n', at);
  return eol < 0 ? text.length : eol;
}

const eolOf = (layout: Layout) => (layout === 'crlf-bom-fullwidth' ? '\r\n' : '\n');

/** A caption line under the heading of section n, written as the layout writes a paragraph. */
function withCaptionLine(text: string, layout: Layout, n: number, caption: string, heading?: string): string {
  const at = headingLineEnd(text, n, layout, heading);
  const line = layout === 'html' ? `<p>${caption}</p>` : caption;
  return text.slice(0, at) + eolOf(layout) + line + text.slice(at);
}

/** A title row as the first row of the table under the heading of section n (in HTML a <caption>). */
function withTitleRow(text: string, layout: Layout, n: number): string {
  const title = bare(n);
  const at = headingLineEnd(text, n, layout);
  if (layout === 'html') {
    const t = text.indexOf('<table>', at) + '<table>'.length;
    return text.slice(0, t) + `<caption>${title}</caption>` + text.slice(t);
  }
  const row: Record<Layout, string> = {
    tsv: `${title}\t\t\t\t\t\t\t\t\t`,
    'crlf-bom-fullwidth': `${title}\t\t\t\t`,
    markdown: `| ${title} | | | | | | | | | |`,
    'cell-per-line-pipe': `${title} |\n||`,
    'cell-per-line-blank': `\t${title}\n`,
    // no cell separators: a bare line right above the table's header
    pdf: title,
    'space-separated': title,
    html: '',
  };
  return text.slice(0, at) + eolOf(layout) + row[layout] + text.slice(at);
}

const structureOrTable = (text: string) =>
  lint(text)
    .diagnostics.filter((d) => /^(table|section|format)-/.test(d.ruleId))
    .map((d) => `${d.ruleId}: ${d.message.zh}`);

function assertReadAsClean(text: string, what = '') {
  const r = parseReport(text);
  assert.deepEqual(r.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6], what);
  assert.deepEqual(values(r), { t2: HUAIAN_2024.t2, t3: HUAIAN_2024.t3, t4: HUAIAN_2024.t4 }, what);
  assert.deepEqual(structureOrTable(text), [], what);
}

const CAPTIONS = ['表3', '附表2', '表 3：', '表三：收到和处理政府信息公开申请情况', '表3  收到和处理政府信息公开申请情况', '附表2  收到和处理政府信息公开申请情况（单位：件）', '表3-1 2024年收到和处理政府信息公开申请情况', '（单位：件）', '单位：件'];

for (const layout of LAYOUTS) {
  test(`layout ${layout}: a caption above 表三 is not table data nor a section heading`, () => {
    const clean = render(HUAIAN_2024, layout);
    for (const caption of CAPTIONS) {
      let text = withCaptionLine(clean, layout, 3, caption);
      text = withCaptionLine(text, layout, 4, caption.replace(/3/g, '4').replace('三', '四').replace('收到和处理政府信息公开申请情况', bare(4)));
      text = withCaptionLine(text, layout, 2, caption.replace(/3/g, '2').replace('三', '二').replace('收到和处理政府信息公开申请情况', bare(2)));
      assertReadAsClean(text, caption);
    }
  });

  test(`layout ${layout}: a table's title row (HTML <caption>) repeating its section's name is not a heading`, () => {
    let text = render(HUAIAN_2024, layout);
    for (const n of [2, 3, 4]) text = withTitleRow(text, layout, n);
    assertReadAsClean(text);
  });

  test(`layout ${layout}: a caption does not hide a wrong number`, () => {
    const text = withCaptionLine(render(withCell(HUAIAN_2024, 't3', '三.3.2', 6, 33), layout), layout, 3, '表3  收到和处理政府信息公开申请情况');
    const ids = lint(text).diagnostics.map((d) => d.ruleId).filter((id) => /^(table|section)-/.test(id));
    assert.deepEqual(ids.sort(), ['table-column-total', 'table-row-total']);
  });
}

test('a section copied twice (copy-paste residue) is still reported, with or without its number', () => {
  const clean = render(HUAIAN_2024, 'tsv');
  // the whole of section 五 again after section 六
  const five = clean.slice(clean.indexOf(TITLE[4]!), clean.indexOf(TITLE[5]!));
  const twice = clean + five;
  assert.deepEqual(structureOrTable(twice), ['section-order: “五、存在的主要问题及改进情况”重复出现']);
  // the name of section 三 left in section 五's prose, without its number
  const stray = withCaptionLine(clean, 'tsv', 5, `${bare(3)}\n本年度收到的申请均已办结。`);
  assert.deepEqual(
    lint(stray).diagnostics.filter((d) => d.ruleId === 'section-order').map((d) => d.message.zh),
    ['“三、收到和处理政府信息公开申请情况”重复出现'],
  );
});

test('a title row does not hide a numbered heading written twice', () => {
  const clean = render(HUAIAN_2024, 'tsv');
  const heading = withCaptionLine(withTitleRow(clean, 'tsv', 3), 'tsv', 3, TITLE[2]!);
  assert.deepEqual(structureOrTable(heading), ['section-order: “三、收到和处理政府信息公开申请情况”重复出现']);
});

for (const layout of ['tsv', 'pdf', 'html', 'markdown'] as Layout[]) {
  test(`layout ${layout}: a heading written without its number, right above its table, is still section 三`, () => {
    const clean = render(HUAIAN_2024, layout);
    const text = clean.replace(TITLE[2]!, bare(3));
    const r = parseReport(text);
    assert.deepEqual(r.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(values(r).t3, HUAIAN_2024.t3);
    assert.deepEqual(structureOrTable(text), [`section-title: 章节标题“${bare(3)}”应为“${TITLE[2]}”`]);
  });

  test(`layout ${layout}: a caption under a heading written without its number is not a second 三`, () => {
    const text = render(HUAIAN_2024, layout).replace(TITLE[2]!, bare(3));
    const captioned = withCaptionLine(text, layout, 3, `表3  ${bare(3)}`, bare(3));
    assert.deepEqual(parseReport(captioned).sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(structureOrTable(captioned), [`section-title: 章节标题“${bare(3)}”应为“${TITLE[2]}”`]);
  });
}

test('a caption standing in for a missing heading is still read as that section (as before)', () => {
  const text = render(HUAIAN_2024, 'tsv').replace(TITLE[2]!, `表3  ${bare(3)}`);
  const r = parseReport(text);
  assert.deepEqual(r.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(structureOrTable(text), [`section-title: 章节标题“表3  ${bare(3)}”应为“${TITLE[2]}”`]);
});

for (const layout of LAYOUTS) {
  test(`layout ${layout}: a unit note after a heading is not a different title`, () => {
    const clean = render(HUAIAN_2024, layout);
    assertReadAsClean(clean.replace(TITLE[2]!, `${TITLE[2]}（单位：件）`).replace(TITLE[3]!, `${TITLE[3]} (单位:件)`));
  });
}

test('a wrong title with a unit note: the warning and its fix leave the unit note alone', () => {
  const text = render(HUAIAN_2024, 'tsv').replace(TITLE[2]!, '三、收到和处理信息公开申请情况（单位：件）');
  const d = lint(text).diagnostics.filter((x) => x.ruleId === 'section-title');
  assert.equal(d.length, 1);
  assert.equal(text.slice(d[0]!.range.start, d[0]!.range.end), '三、收到和处理信息公开申请情况');
  const fixed = assertFixRoundTrip(text, 'section-title');
  assert.ok(fixed.includes(`${TITLE[2]}（单位：件）\n`));
});
