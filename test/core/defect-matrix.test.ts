// Realistic defects injected into every layout: the same rule fires at the defect's line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, LineIndex } from '../../server/src/core';
import { HUAIAN_2024, LAYOUTS, render } from '../helpers/layouts';

interface Defect {
  name: string;
  edit: (text: string) => string;
  rule: string;
  /** Text expected on the diagnostic's first line. */
  lineHas: RegExp;
}

const DEFECTS: Defect[] = [
  { name: 'column label typo', edit: (t) => t.replace('本年废止件数', '本年度止件数'), rule: 'table-label-typo', lineHas: /本年度止件数/ },
  { name: 'row label typo', edit: (t) => t.replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开'), rule: 'table-label-typo', lineHas: /2\.其他法律行政止公开/ },
  { name: 'row deleted', edit: (t) => t.replace(/2\.重复申请(?:[ \t\u3000]|<\/td><td>)+[0-9０-９][^\n]*\n?/, ''), rule: 'table-row-missing', lineHas: /./ },
  { name: 'section heading deleted', edit: (t) => t.replace(/(<h2>|## )?五、存在的主要问题及改进情况(<\/h2>)?\r?\n/, ''), rule: 'section-missing', lineHas: /./ },
  { name: 'old section wording', edit: (t) => t.replace('四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'), rule: 'section-title', lineHas: /因政府信息公开工作/ },
];

for (const layout of LAYOUTS) {
  for (const d of DEFECTS) {
    test(`${layout}: ${d.name} → ${d.rule}`, (t) => {
      const clean = render(HUAIAN_2024, layout);
      const text = d.edit(clean);
      if (text === clean) return t.skip('defect does not apply to this layout');
      const diags = lint(text).diagnostics;
      const hits = diags.filter((x) => x.ruleId === d.rule);
      assert.ok(hits.length >= 1, `${d.rule} not found; got ${diags.map((x) => x.ruleId).join(',')}`);
      const idx = new LineIndex(text);
      const line = text.split(/\r\n|\n/)[idx.position(hits[0]!.range.start).line]!;
      assert.match(line, d.lineHas);
      // and nothing from the sum rules: the numbers were read right
      assert.deepEqual(diags.filter((x) => /table-(row-total|column-total|balance|unreadable)/.test(x.ruleId)).map((x) => x.message.zh), []);
    });
  }
}
