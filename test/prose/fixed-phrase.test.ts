// fixed-phrase: every entry of words/phrases.json is quiet on the standard wording, fires on each
// garbled variant and on a truncation; PDF line breaks, Markdown and HTML; the fix round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUTS } from '../helpers/layouts';
import { assertFixRoundTrip } from '../helpers/fix';
import { resolveConfig } from '../../server/src/core';
import { BUILTIN_PHRASES } from '../../server/src/core/words';
import { PROSE_LAYOUTS, assertFixLocal, diags, doc, found, fullReport, pdfWrap } from '../helpers/prose';

const ID = 'fixed-phrase';
const frame = (w: string) => `我局坚持${w}，认真落实各项要求，持续推进政务公开工作。`;

test('every phrases.json entry: the standard wording is quiet, in every layout and broken across lines', () => {
  for (const e of BUILTIN_PHRASES) {
    for (const layout of PROSE_LAYOUTS) assert.deepEqual(found(doc(frame(e.phrase), layout), ID), [], `${e.phrase} (${layout})`);
    // broken at every position, as a PDF extractor may break it
    for (let k = 1; k < e.phrase.length; k++) {
      const broken = `${e.phrase.slice(0, k)}\n${e.phrase.slice(k)}`;
      assert.deepEqual(found(doc(frame(broken)), ID), [], JSON.stringify(broken));
    }
    // followed by more words (习近平新时代中国特色社会主义思想为指导)
    assert.deepEqual(found(doc(`坚持以${e.phrase}为指导。`), ID), [], e.phrase);
  }
});

test('every phrases.json garbled variant fires, with a fix to the standard wording', () => {
  for (const e of BUILTIN_PHRASES) {
    for (const w of e.wrong) {
      for (const layout of ['plain', 'markdown', 'html'] as const) {
        const text = doc(frame(w), layout);
        const d = diags(text, ID);
        assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), [w], `${w} (${layout})`);
        assert.ok(d[0]!.message.zh.includes(e.phrase) && d[0]!.message.en.includes(e.phrase));
        assertFixLocal(text, d[0]!, e.phrase);
      }
      // broken across a line (PDF): still found; fixed character by character where the lengths
      // agree (the line break stays), not fixed otherwise (the edit would join the lines)
      const broken = doc(frame(`${w.slice(0, 3)}\n${w.slice(3)}`));
      const d = diags(broken, ID);
      assert.equal(d.length, 1, w);
      if (w.length === e.phrase.length) {
        const fixed = assertFixLocal(broken, d[0]!, `${e.phrase.slice(0, 3)}\n${e.phrase.slice(3)}`);
        assert.deepEqual(diags(fixed, ID), []);
      } else assert.equal(d[0]!.fix, undefined);
    }
  }
});

test('every phrases.json stem: a truncation before punctuation is found and completed', () => {
  for (const e of BUILTIN_PHRASES) {
    const stem = e.stem;
    if (!stem) continue;
    for (const rest of ['', e.phrase.slice(stem.length, stem.length + 2)]) {
      const written: string = stem + rest;
      const text = doc(`坚持以${written}，全面推进政务公开。`);
      const d = diags(text, ID);
      assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), [written]);
      assertFixLocal(text, d[0]!, e.phrase);
      // garbled continuation (a Chinese character, not punctuation): reported, not completed
      const garbled = doc(`坚持以${stem}某某思想为指导。`);
      assert.equal(diags(garbled, ID).length, 1);
      assert.equal(diags(garbled, ID)[0]!.fix, undefined);
    }
  }
});

test('seed 004: 坚持以习近平新时代中国，全面推进 (truncated) in PDF text and in the full report layouts', () => {
  const body = '坚持以习近平新时代中国，全面推进政务公开工作，坚持公开为常态、不公开为例外。';
  const pdf = doc(body, 'pdf');
  assert.equal(pdfWrap(body).includes('\n'), true);
  assert.equal(diags(pdf, ID).length, 1);
  for (const layout of LAYOUTS) {
    assert.equal(found(fullReport(body, layout), ID).length, 1, layout);
    assert.deepEqual(found(fullReport('坚持以习近平新时代中国特色社会主义思想为指导，全面推进政务公开工作。', layout), ID), [], layout);
  }
});

test('config words.phrases: a configured phrase is checked for truncation only before punctuation', () => {
  const config = resolveConfig({ words: { phrases: ['政务公开标准化规范化'] } });
  assert.deepEqual(found(doc('推进政务公开标准化，完善制度。'), ID, config), ['政务公开标准化']);
  assert.deepEqual(found(doc('推进政务公开标准化建设，完善制度。'), ID, config), []);
  assert.deepEqual(found(doc('推进政务公开标准化规范化建设。'), ID, config), []);
});

test('fix round trip: idempotent, only the formulations change', () => {
  const body = '坚持以习近平新时代中国，深入学习习近平法制思想，坚持公开为常态、不公开为原则，开展党史学教育。';
  for (const layout of ['plain', 'markdown', 'html'] as const) {
    const fixed = assertFixRoundTrip(doc(body, layout), ID);
    assert.ok(fixed.includes('坚持以习近平新时代中国特色社会主义思想，深入学习习近平法治思想，坚持公开为常态、不公开为例外，开展党史学习教育。'), layout);
  }
});

test('real sentences around the formulations are quiet', () => {
  const quiet = [
    '深入学习贯彻党的二十大和二十届二中、三中全会精神，学习贯彻党的二十届三中全会精神。',
    '坚定拥护以习近平同志为核心的党中央，深入学习习近平经济思想、习近平法治思想。',
    '坚持以习近平新时代中国特色社会主义思想为指导，扎实开展习近平新时代中国特色社会主义思想主题教育。',
    '巩固拓展党史学习教育成果，不忘初心、牢记使命，坚持中国特色社会主义道路。',
    '落实“谁公开谁审查、谁审查谁负责”和“公开为常态、不公开为例外”原则。',
  ];
  for (const body of quiet) for (const layout of PROSE_LAYOUTS) assert.deepEqual(found(doc(body, layout), ID), [], `${body} (${layout})`);
});
