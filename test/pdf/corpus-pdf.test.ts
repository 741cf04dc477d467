// The three published PDFs through the real CLI: the same findings as their text versions (same
// rules, same messages, same table values), each with its page; no label typo from a wrapped cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { checkJson, runCli, EXTERNAL, PDFS } from '../helpers/cli';
import { ruledTablePdf } from '../helpers/pdf';
import { tempDir } from '../helpers/tmp';

const REPORTS = ['huaian-city-2024', 'hongze-district-2023', 'hongze-district-2024'];
const findings = (msgs: { ruleId: string; message: string }[]) => msgs.map((m) => `${m.ruleId}: ${m.message}`).sort();

for (const name of REPORTS) {
  test(`${name}.pdf: the findings of its text version, each on a page`, () => {
    const pdf = checkJson([join(PDFS, `${name}.pdf`)]);
    const txt = checkJson([join(EXTERNAL, `${name}.txt`)]);
    assert.equal(pdf.stderr, '');
    assert.deepEqual(findings(pdf.results[0]!.messages), findings(txt.results[0]!.messages));
    assert.equal(pdf.code, txt.code);
    for (const m of pdf.results[0]!.messages as unknown as { page: number; location: string; fix?: unknown }[]) {
      assert.ok(Number.isInteger(m.page) && m.page >= 1 && m.page <= 6, JSON.stringify(m));
      assert.equal(m.location, `第 ${m.page} 页`);
      assert.equal(m.fix, undefined, 'no fix offered into a PDF');
    }
  });

  test(`${name}.pdf: summary reads the same table values as from the text`, () => {
    const pdf = runCli(['summary', '--format', 'json', join(PDFS, `${name}.pdf`)]);
    const txt = runCli(['summary', '--format', 'json', join(EXTERNAL, `${name}.txt`)]);
    assert.equal(pdf.code, 0, pdf.stderr);
    // the values, checks and equations; where in the text each number stood differs, of course
    const values = (out: string) => JSON.parse(out, (k, v) => (k === 'range' || k === 'file' || k === 'files' ? undefined : v)).tables;
    assert.deepEqual(values(pdf.stdout), values(txt.stdout));
  });
}

test('the pages of the problems: 表三/表四 problems on the tables’ pages, the prose typo on page 1', () => {
  const r = checkJson([join(PDFS, 'hongze-district-2023.pdf')]);
  const page = (id: string) => (r.results[0]!.messages as unknown as { ruleId: string; page: number }[]).filter((m) => m.ruleId === id).map((m) => m.page);
  assert.deepEqual(page('typo'), [1]);
  assert.deepEqual(page('table-row-total'), [4, 4]);
  const sarif = JSON.parse(runCli(['check', '--format', 'sarif', join(PDFS, 'hongze-district-2023.pdf')]).stdout);
  assert.deepEqual(sarif.runs[0].results.map((x: { locations: { properties: { page: number } }[] }) => x.locations[0]!.properties.page).sort(), [1, 3, 4, 4, 4]);
});

test('extract: wrapped cell labels, the vertical group label and a cell cut by the page break read whole', () => {
  const r = runCli(['extract', '--pages', join(PDFS, 'huaian-city-2024.pdf')]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.ok(lines.includes('4\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他'), 'the header labels wrapped in their cells');
  assert.ok(lines.includes('4\t三、本年度办理结果\t（一）予以公开\t1288\t21\t0\t0\t50\t3\t1362'), 'the vertical label one char a line');
  assert.ok(lines.includes('4\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t447\t7\t0\t0\t0\t0\t454'), 'a label over two lines');
  assert.ok(lines.includes('4\t（四）无法提供\t1.本机关不掌握相关政府信息\t746\t12\t0\t0\t10\t1\t769'), 'the group label cut by the page break');
  assert.ok(lines.includes('5\t2.没有现成信息需要另行制作\t11\t0\t0\t0\t0\t0\t11'));
  assert.ok(!lines.some((l) => /^\d+\t[-—–\s]*\d+[-—–\s]*$/.test(l)), 'page numbers dropped');
});

test('a ruled table: one line a row, cells by tabs, a wrapped label one cell, an empty cell kept', async () => {
  const dir = tempDir('ruled');
  writeFileSync(join(dir, 't.pdf'), await ruledTablePdf([['Item', 'Made', 'Repealed'], ['Normative\ndocuments', '8', '26'], ['Rules', '', '0']]));
  const r = runCli(['extract', '--pages', join(dir, 't.pdf')]);
  assert.equal(r.stdout, '1\tItem\tMade\tRepealed\n1\tNormative documents\t8\t26\n1\tRules\t\t0\n');
});

test('PDFs on worker threads (--concurrency 2) give what one thread gives', () => {
  const one = runCli(['check', '--format', 'json', '--concurrency', 'off', PDFS]);
  const two = runCli(['check', '--format', 'json', '--concurrency', '2', PDFS]);
  const pdfs = (JSON.parse(one.stdout) as { filePath: string; messages: unknown[] }[]).filter((f) => f.filePath.endsWith('.pdf'));
  assert.deepEqual(pdfs.map((f) => f.messages.length), [5, 3, 0]);
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.code, one.code);
});
