// Flattened published text (a crawled page on one line, irregular spaces, page chrome, a few
// long lines) gives the same findings as the laid-out report, and a changed digit gives the
// sum errors the laid-out report gives. Forms are made from the corpus copies (helpers/flatten.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { lint, parseReport, type Diagnostic } from '../../server/src/core';
import { EXTERNAL, SEEDS } from '../helpers/cli';
import { tableValues } from '../helpers/layouts';
import { changeDigit, FLAT_FORMS, flatten } from '../helpers/flatten';

const REPORTS = [SEEDS, EXTERNAL].flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => `${d}/${f}`));

/** What a finding says and where: rule, severity, message, and the source text it points at (white space aside). */
function findings(text: string): string[] {
  return lint(text).diagnostics.map((d: Diagnostic) => `${d.ruleId}|${d.severity}|${d.message.zh}|${where(text, d)}`).sort();
}

/**
 * The source text a finding points at, white space aside. A missing title is reported on the
 * report's first line, and where a flattened page had its line breaks there is no telling: it
 * must start at the same text.
 */
function where(text: string, d: Diagnostic): string {
  const at = text.slice(d.range.start, d.range.end).replace(/\s+/g, '');
  return d.ruleId === 'title-missing' ? at.slice(0, 12) : at;
}

const SUM_RULES = /^table-(row-total|column-total|balance)$/;

test('the corpus has the five seeds and three external reports', () => assert.equal(REPORTS.length, 8));

for (const file of REPORTS) {
  const name = file.split('/').pop()!;
  const clean = readFileSync(file, 'utf8');
  const want = findings(clean);
  const values = tableValues(parseReport(clean));
  for (const form of FLAT_FORMS) {
    test(`${name} ${form}: the same findings and table values as the laid-out text`, () => {
      const flat = flatten(clean, form);
      assert.ok(form === 'long-lines' || !flat.includes('\n'), 'the form has no line break');
      assert.deepEqual(findings(flat), want);
      assert.deepEqual(tableValues(parseReport(flat)), values);
    });

    test(`${name} ${form}: one digit of a cell changed gives that cell's sum errors, located as in the laid-out text`, () => {
      const r = parseReport(clean);
      // a part (not a total) of 表三 with a number of its own
      const row = r.table3?.rows.find((x) => x.cells[0]?.kind === 'number' && !x.cells[0].recovered);
      assert.ok(row, 'a 表三 row with a number');
      const cell = row.cells[0]!;
      const clean2 = changeDigit(clean, cell.range.start, cell.range.end);
      const want2 = findings(clean2);
      assert.ok(want2.some((f) => SUM_RULES.test(f.split('|')[0]!)), 'the change breaks a sum in the laid-out text');
      assert.deepEqual(findings(flatten(clean2, form)), want2);
    });
  }
}
