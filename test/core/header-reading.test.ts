// The parser reads 表三/表四's header labels and 表三's group labels with shortcuts for the common
// case (a header read before is remembered by its text; group labels are looked up in the label
// text the row matcher made canonical). These pin that the shortcuts read what a first reading
// does: labels at their own places in every document, near misses still found after an exact
// header of the same template, and a group label broken over lines still found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReport, type Label, type Report } from '../../server/src/core';
import { HUAIAN_2024, LAYOUTS, render } from '../helpers/layouts';

/** Each label as its standard, exactness and the source text at its range. */
const seen = (text: string, labels: Label[] | undefined) => (labels ?? []).map((l) => [l.standard, l.exact, text.slice(l.range.start, l.range.end)]);
const headers = (text: string, r: Report) => ({
  t3: seen(text, r.table3?.columnLabels),
  groups: seen(text, r.table3?.groupLabels),
  t4: seen(text, r.table4?.columnLabels),
});

test('a header read again, at another place in another document, gives its labels at their new places', () => {
  for (const layout of LAYOUTS) {
    const text = render(HUAIAN_2024, layout);
    const first = headers(text, parseReport(text));
    assert.ok(first.t3.length > 0 && first.t4.length > 0 && first.groups.length > 0, layout);
    // the same header after a longer preamble (ranges move) and again unchanged (ranges stay)
    const shifted = text.replace(/\n/, '\n本报告由某某办公室编制。\n');
    assert.notEqual(shifted, text, layout);
    assert.deepEqual(headers(shifted, parseReport(shifted)), first, layout);
    assert.deepEqual(headers(text, parseReport(text)), first, layout);
  }
});

test('a mistyped header after an exact one of the same template is still read as a near miss', () => {
  const clean = render(HUAIAN_2024, 'tsv');
  parseReport(clean);
  const at = clean.indexOf('科研机构', clean.indexOf('申请人情况'));
  const typo = clean.slice(0, at) + '科研机关' + clean.slice(at + 4);
  const labels = parseReport(typo).table3!.columnLabels!;
  const near = labels.filter((l) => !l.exact);
  assert.deepEqual(near.map((l) => [l.standard, typo.slice(l.range.start, l.range.end)]), [['科研机构', '科研机关']]);
  // and the clean header afterwards is all exact again
  assert.ok(parseReport(clean).table3!.columnLabels!.every((l) => l.exact));
});

test('a group label broken over two lines is found as written', () => {
  const clean = render(HUAIAN_2024, 'tsv');
  const at = clean.indexOf('（三）不予公开');
  assert.ok(at >= 0);
  const text = clean.slice(0, at) + '（三）不予\t\n公开' + clean.slice(at + '（三）不予公开'.length);
  const group = parseReport(text).table3!.groupLabels!.find((l) => l.standard === '（三）不予公开');
  assert.ok(group, 'found');
  assert.equal(group.exact, true);
  assert.equal(text.slice(group.range.start, group.range.end), '（三）不予\t\n公开');
});
