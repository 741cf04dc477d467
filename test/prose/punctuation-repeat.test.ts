// punctuation-repeat: two 点号 in a row or 、 before 等; ？！, ……, —— and words starting with 等
// are quiet; PDF line breaks between the marks, Markdown and HTML; the fix round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUTS } from '../helpers/layouts';
import { assertFixRoundTrip } from '../helpers/fix';
import { PROSE_LAYOUTS, assertFixLocal, diags, doc, found, fullReport } from '../helpers/prose';

const ID = 'punctuation-repeat';

test('doubled or conflicting marks: the last one is kept; 、等 loses the 顿号', () => {
  const cases: [string, string, string][] = [
    ['对申请人提出的质疑。；二是加强培训。', '。；', '；'],
    ['主动公开政府信息，，发布政策解读。', '，，', '，'],
    ['主要做法：。一是加强领导。', '：。', '。'],
    ['公开规章、规范性文件、等信息。', '、', ''],
    ['公开规章、规范性文件、等等。', '、', ''],
    ['加强领导；；完善制度。', '；；', '；'],
  ];
  for (const [body, written, kept] of cases) {
    for (const layout of ['plain', 'markdown', 'html'] as const) {
      const text = doc(body, layout);
      const d = diags(text, ID);
      assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), [written], `${body} (${layout})`);
      assertFixLocal(text, d[0]!, kept);
    }
  }
});

test('allowed combinations and look-alikes are quiet', () => {
  const quiet = [
    '这是依法公开吗？！当然。真好！！',
    '规章、规范性文件……等待答复——办理完毕。',
    '实行分类、等级保护，经办理、等待答复的申请2件，优秀、合格、等次评定。',
    '一、总体情况。（一）主动公开。',
    '“公开为常态、不公开为例外”。',
  ];
  for (const body of quiet) for (const layout of PROSE_LAYOUTS) assert.deepEqual(found(doc(body, layout), ID), [], `${body} (${layout})`);
});

test('PDF text: marks on both sides of a line break are found; the fix keeps the line break', () => {
  const text = doc('对申请人提出的质疑。\n；二是加强培训，公开规章、\n等信息。');
  const d = diags(text, ID);
  assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), ['。\n；', '、']);
  assert.match(d[0]!.message.zh, /“。；”/);
  const fixed = assertFixRoundTrip(text, ID);
  assert.ok(fixed.includes('质疑\n；二是加强培训，公开规章\n等信息。'), fixed);
  assert.deepEqual(found(doc('实行分类、\n等级保护。'), ID), []);
  const pdf = doc('我局对申请人提出的质疑。；二是加强培训，公开规章、规范性文件、等信息。', 'pdf');
  assert.equal(diags(pdf, ID).length, 2);
  assertFixRoundTrip(pdf, ID);
});

test('full reports in every table layout: the tables are not prose', () => {
  for (const layout of LAYOUTS) {
    assert.deepEqual(found(fullReport('我局认真落实条例要求，主动公开政府信息。', layout), ID), [], layout);
    assert.equal(found(fullReport('我局认真落实条例要求，，主动公开政府信息。', layout), ID).length, 1, layout);
  }
});

test('fix round trip: idempotent, only the marks change', () => {
  const body = '对申请人提出的质疑。；二是加强培训，，公开规章、规范性文件、等信息：。';
  for (const layout of ['plain', 'markdown', 'html'] as const) {
    const fixed = assertFixRoundTrip(doc(body, layout), ID);
    assert.ok(fixed.includes('对申请人提出的质疑；二是加强培训，公开规章、规范性文件等信息。'), layout);
  }
});
