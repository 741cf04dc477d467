// typo: every entry of words/typos.json fires on its wrong form in its context, is quiet on the
// right form and outside its context; PDF line breaks, Markdown and HTML; the fix round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUTS } from '../helpers/layouts';
import { assertFixRoundTrip } from '../helpers/fix';
import { resolveConfig } from '../../server/src/core';
import { BUILTIN_TYPOS, type TypoEntry } from '../../server/src/core/words';
import { PROSE_LAYOUTS, assertFixLocal, diags, doc, found, fullReport } from '../helpers/prose';

const ID = 'typo';

/** A context alternative as text (`#` = a digit: a date). */
const word = (alt: string) => (alt === '#' ? '2023年底' : alt);
/** Every before × after context of an entry. */
function contexts(e: TypoEntry): [string, string][] {
  const out: [string, string][] = [];
  for (const b of e.before ?? ['']) for (const a of e.after ?? ['']) out.push([word(b), word(a)]);
  return out;
}
const sentence = (b: string, w: string, a: string) => `我局${b}${w}${a}，持续推进政务公开。`;

test('every typos.json entry: fires on the wrong form in context, with a fix to the right form', () => {
  for (const e of BUILTIN_TYPOS) {
    for (const [b, a] of contexts(e)) {
      for (const layout of ['plain', 'markdown', 'html'] as const) {
        const text = doc(sentence(b, e.wrong, a), layout);
        const d = diags(text, ID);
        assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), [e.wrong], `${e.wrong} in ${b}…${a} (${layout})`);
        assert.ok(d[0]!.message.zh.includes(e.right) && d[0]!.message.en.includes(e.right));
        assertFixLocal(text, d[0]!, e.right);
      }
    }
  }
});

test('every typos.json entry: quiet on the right form, in every layout', () => {
  for (const e of BUILTIN_TYPOS) {
    for (const [b, a] of contexts(e)) {
      for (const layout of PROSE_LAYOUTS) assert.deepEqual(found(doc(sentence(b, e.right, a), layout), ID), [], `${e.right} in ${b}…${a} (${layout})`);
    }
  }
});

test('every typos.json entry with a context or an exception: quiet outside it', () => {
  for (const e of BUILTIN_TYPOS) {
    const b0 = word(e.before?.[0] ?? '');
    const a0 = word(e.after?.[0] ?? '');
    if (e.after) assert.deepEqual(found(doc(sentence(b0, e.wrong, '的')), ID), [], `${e.wrong} not before ${e.after.join('|')}`);
    if (e.before) assert.deepEqual(found(doc(sentence('的', e.wrong, a0)), ID), [], `${e.wrong} not after ${e.before.join('|')}`);
    for (const n of e.notAfter ?? []) assert.deepEqual(found(doc(sentence(b0, e.wrong, n)), ID), [], `${e.wrong}${n}`);
    for (const n of e.notBefore ?? []) assert.deepEqual(found(doc(sentence(n + b0, e.wrong, a0)), ID), [], `${n}${e.wrong}`);
    for (const n of e.notLater ?? []) assert.deepEqual(found(doc(`${b0}${e.wrong}${a0}群众满意，${n}使工作规范。`), ID), [], `${e.wrong}…${n}`);
  }
});

test('real sentences: the right usage of a confusable word is quiet', () => {
  const quiet = [
    '申请的截止日期为2023年12月31日，报名截止到2024年1月。',
    '组织干部暑期学习，在网站发布署名文章，邀请专家传授理论知识，对电子标签定制管理。',
    '既使群众满意，又使工作规范有序。',
    '我局作出行政复议决定2件，公开渠道畅通，受理渠道多样。',
    '截至2023年底，共受理申请17件。',
  ];
  for (const body of quiet) for (const layout of PROSE_LAYOUTS) assert.deepEqual(found(doc(body, layout), ID), [], `${body} (${layout})`);
});

test('PDF text: a wrong form broken across a line is found and fixed in place, a right one broken is quiet', () => {
  const text = doc('截止\n2023年底，我局布\n署工作，畅通依申请公开受理渠。', 'plain');
  const d = diags(text, ID);
  assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), ['截止', '布\n署', '渠']);
  assertFixLocal(text, d[1]!, '部\n署'); // only 布 changes; the line break stays
  assert.ok(assertFixRoundTrip(text, ID).includes('截至\n2023年底，我局部\n署工作，畅通依申请公开受理渠道。'));
  // a broken wrong form of another length is not fixed (the edit would join the lines)
  const config = resolveConfig({ words: { typos: [{ wrong: '公开栏', right: '公开专栏' }] } });
  const longer = diags(doc('在公开\n栏发布信息。'), ID, config);
  assert.equal(longer.length, 1);
  assert.equal(longer[0]!.fix, undefined);
  assert.deepEqual(found(doc('截至\n2023年底，我局部\n署工作，畅通受理渠\n道。'), ID), []);
  const pdf = doc('截止2023年底，我局认真贯彻落实《条例》，对公开工作进行统一布署，畅通依申请公开受理渠。', 'pdf');
  assert.equal(diags(pdf, ID).length, 3);
});

test('full reports in every table layout: the typo in the prose is found, the tables add nothing', () => {
  for (const layout of LAYOUTS) {
    assert.deepEqual(found(fullReport('截至2023年底，我局认真部署工作。', layout), ID), [], layout);
    assert.equal(found(fullReport('截止2023年底，我局认真布署工作。', layout), ID).length, 2, layout);
  }
});

test('config words.typos: an extra entry with a context', () => {
  const config = resolveConfig({ words: { typos: [{ wrong: '公示', right: '公开', context: '年报|年度报告' }] } });
  assert.deepEqual(found(doc('按时公示年度报告，公示拟录用人员名单。'), ID, config), ['公示']);
  assert.deepEqual(found(doc('按时公示年度报告，公示拟录用人员名单。'), ID), []);
});

test('fix round trip: idempotent, only the wrong words change', () => {
  const body = '截止2023年底，我局对公开工作统一布署，依申请公布工作规范，做出行政复议决定1件，畅通受理渠。';
  for (const layout of ['plain', 'markdown', 'html'] as const) {
    const fixed = assertFixRoundTrip(doc(body, layout), ID);
    assert.ok(fixed.includes('截至2023年底，我局对公开工作统一部署，依申请公开工作规范，作出行政复议决定1件，畅通受理渠道。'), layout);
  }
});

test('the format\'s fixed terms with one confused character: in a heading and in prose; more than 500 checked pairs in all', () => {
  assert.ok(BUILTIN_TYPOS.length >= 500, `${BUILTIN_TYPOS.length} entries`);
  const text = doc('四、政府信息公开行政复仪、行政诉讼情况\n本年新受政府信息公开申请数量为0件，部份公开0件。');
  assert.deepEqual(found(text, ID), ['行政复仪', '本年新受政府信息公开申请数量', '部份公开']);
  // the right terms, and right words that are one character off a term, are quiet
  assert.deepEqual(found(doc('四、政府信息公开行政复议、行政诉讼情况\n本年新受理申请20件，部分公开3件，基于以公开为常态的要求。'), ID), []);
});

test('malformed URLs are found; well-formed ones are quiet', () => {
  assert.deepEqual(found(doc('网址为http:/www.gov.cn，另见https//www.gov.cn与http//www.gov.cn。'), ID), ['http:/', 'https//', 'http//']);
  assert.deepEqual(found(doc('网址为http://www.gov.cn，另见https://www.gov.cn/zwgk。'), ID), []);
  assert.ok(assertFixRoundTrip(doc('网址为http:/www.gov.cn。'), ID).includes('http://www.gov.cn'));
});

test('similar characters in context: 子以/不子, 己/已, 末/未, 设计/涉及 fire only in their context', () => {
  assert.deepEqual(found(doc('对申请子以公开，不子受理1件，己经办结，末能按时答复，设计国家秘密的不予公开。'), ID), ['子以', '不子', '己', '末', '设计']);
  assert.deepEqual(found(doc('电子以公开为常态，自己经常学习，年末公开财务，期末能够完成，设计方案，知己于心。'), ID), []);
});

test('the domain\'s own terms (confusions.json terms) with one confused character, in free prose', () => {
  assert.deepEqual(found(doc('我局严格执行正府信息公开制度，更新信息公开指男，加强保密申查，按时发布政务工开信息。'), ID), ['正府信息公开', '保密申查', '政务工开']);
  assert.deepEqual(found(doc('我局严格执行政府信息公开制度，加强保密审查，按时发布政务公开信息，公正履职。'), ID), []);
});
