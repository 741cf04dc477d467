// docs/rules.md is generated from the rule metadata; each rule has its page docs/rules/<id>.md
// (the source of its long docs); neither may drift from the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pageProblems, readPage, renderRulesDoc } from '../../scripts/rules-doc';
import { ALL_RULES, lint, ruleDocsUrl } from '../../server/src/core';
import { doc } from '../helpers/prose';

test('docs/rules.md is up to date (run `npm run docs`)', () => {
  const committed = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
  assert.equal(committed, renderRulesDoc(), 'docs/rules.md is stale: run `npm run docs` and commit it');
});

test('every rule has a unique kebab-case id and a bilingual one-line description', () => {
  const ids = new Set<string>();
  for (const r of ALL_RULES) {
    assert.match(r.meta.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(!ids.has(r.meta.id), `duplicate id ${r.meta.id}`);
    ids.add(r.meta.id);
    for (const s of [r.meta.description.zh, r.meta.description.en]) assert.ok(s.length > 5 && s.length < 200 && !s.includes('\n'), r.meta.id);
  }
});

test('every rule has its page with every section, no page lacks its rule, no rule keeps its docs in code', () => {
  assert.deepEqual(pageProblems(), []);
  for (const r of ALL_RULES) {
    const page = readPage(r.meta.id)!;
    // the page opens with the rule's description, cites what it rests on, and the catalogue links it
    assert.equal(page.split('\n')[2], r.meta.description.zh, `docs/rules/${r.meta.id}.md: the description under the title`);
    assert.match(page, /〔20\d\d〕|GB\/T|条例|词典|公文/, `docs/rules/${r.meta.id}.md cites its source`);
    assert.ok(renderRulesDoc().includes(`(rules/${r.meta.id}.md)`));
    assert.equal(ruleDocsUrl(r.meta.id), `https://github.com/nianbao-lint/nianbao-lint/blob/main/docs/rules/${r.meta.id}.md`);
  }
});

const example = (page: string, heading: string) => new RegExp(`## ${heading}[^\\n]*\\n+\`\`\`text\\n([\\s\\S]*?)\\n\`\`\``).exec(page)?.[1];

// The examples that stand on their own in a minimal report (a title and section 一, or a whole
// short report when the example starts with its title). The table rules' examples are rows of a
// table and narrative-table-mismatch compares prose with tables: their rules' tests cover them.
const SELF_CONTAINED = ALL_RULES.filter((r) => r.meta.category === 'prose' && r.meta.id !== 'narrative-table-mismatch').map((r) => r.meta.id).concat(['section-title', 'format-version']);

for (const id of SELF_CONTAINED) {
  test(`docs/rules/${id}.md: the wrong example is reported, the right one is not`, () => {
    const page = readPage(id)!;
    const [wrong, right] = [example(page, '错误示例'), example(page, '正确示例')];
    assert.ok(wrong && right, 'both examples in ```text blocks');
    const report = (s: string) => (s.startsWith('XX市XX局') ? `${s}\n` : doc(s));
    const found = (s: string) => lint(report(s)).diagnostics.filter((d) => d.ruleId === id).length;
    assert.ok(found(wrong) > 0, `wrong: ${wrong}`);
    assert.equal(found(right), 0, `right: ${right}`);
  });
}
