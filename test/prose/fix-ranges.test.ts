// Every fix of a prose rule edits only inside its own diagnostic's range, on the real reports and
// on a document full of the defects the prose rules fix; one pass per rule settles it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ALL_RULES, lint } from '../../server/src/core';
import { assertEditsInside, assertFixRoundTrip } from '../helpers/fix';
import { EXTERNAL, SEEDS } from '../helpers/cli';
import { PROSE_LAYOUTS, doc } from '../helpers/prose';

const PROSE = ALL_RULES.filter((r) => r.meta.category === 'prose' && r.meta.fixable).map((r) => r.meta.id);
const REAL = ['000_b5a011f3d089b4ff', '001_fef44fb29382a984', '002_60914c73e690bbf7', '003_daabefa65804d971', '004_eac7cee84a78218c'].map((s) => `${SEEDS}/${s}.txt`).concat(['hongze-district-2023', 'hongze-district-2024', 'huaian-city-2024'].map((s) => `${EXTERNAL}/${s}.txt`));

const DEFECTS =
  '[bookmark: _GoBack]截止2023年底，我局的的工作坚持以习近平新时代中国，对公开工作统一布署,经审核审核后，依据国办公开办函〔2023〕30号。；' +
  '坚持&ldquo;公开为常态&rdquo;，公开规章、规范性文件、等信息(含网上申请5件)。';

test('prose fixes stay inside their ranges: the real reports and a document of defects, in every layout', () => {
  const texts = [...REAL.map((f) => readFileSync(f, 'utf8')), ...PROSE_LAYOUTS.map((l) => doc(DEFECTS, l))];
  for (const text of texts) {
    for (const d of lint(text).diagnostics) if (PROSE.includes(d.ruleId)) assertEditsInside(d, text);
  }
});

test('each prose rule that fires on the document of defects: its fixes round-trip', () => {
  for (const layout of ['plain', 'markdown'] as const) {
    const text = doc(DEFECTS, layout);
    const firing = new Set(lint(text).diagnostics.filter((d) => d.fix).map((d) => d.ruleId));
    for (const id of ['conversion-residue', 'typo', 'char-repeat', 'fixed-phrase', 'punctuation-width', 'doc-number-format', 'punctuation-repeat']) {
      assert.ok(firing.has(id), `${id} (${layout})`);
      assertFixRoundTrip(text, id);
    }
  }
});
