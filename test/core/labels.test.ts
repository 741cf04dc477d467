// includesCanonical: the same answer as canonicalising the text and searching it, without the copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canon, includesCanonical } from '../../server/src/core/parse/labels';

/** Characters canon treats specially, digits, and the characters of the words searched for. */
const ALPHABET = [...' \t\n\u3000\u00a0（）()，,：:；;．.“”"「」／/、12345本年制发件数第二十条九项增减其他需要报告的事项议提起行政诉讼'];
const WORDS = ['本年制发件数', '第二十条第(九)项', '本年增/减', '因政府信息公开申请行政复议、提起行政诉讼的情况', '1、本年', '其他需要报告的事项', '（九）', ',本年', '2.本年'];

test('includesCanonical agrees with canon(text).includes(canon(word)), for any text and prefix', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 80 }), fc.constantFrom(...WORDS), fc.nat(90), (chars, word, limit) => {
      const text = chars.join('');
      assert.equal(includesCanonical(text, word, limit), canon(text.slice(0, limit)).includes(canon(word)), JSON.stringify({ text, word, limit }));
    }),
    { seed: 20261129, numRuns: 4000 },
  );
});

/** The word as a report might write it: spaces and line breaks anywhere, brackets and slashes full-width or not, cut short. */
const written = (word: string) =>
  fc.tuple(fc.array(fc.constantFrom('', '', '', ' ', '\n', '\u3000'), { minLength: word.length, maxLength: word.length }), fc.boolean(), fc.nat(word.length)).map(([gaps, wide, cut]) =>
    [...word]
      .slice(0, word.length - (cut % 3 === 0 ? 1 : 0))
      .map((ch, i) => (wide ? ({ '(': '（', ')': '）', '/': '／', ',': '，' } as Record<string, string>)[ch] ?? ch : ch) + gaps[i])
      .join(''),
  );

test('includesCanonical agrees with the canonical copy on texts that hold the word, written loosely or cut short', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...WORDS).chain((word) => fc.tuple(fc.constant(word), fc.array(fc.constantFrom(...ALPHABET), { maxLength: 12 }), written(word), fc.array(fc.constantFrom(...ALPHABET), { maxLength: 12 }), fc.nat(60))),
      ([word, before, middle, after, limit]) => {
        const text = before.join('') + middle + after.join('');
        assert.equal(includesCanonical(text, word, limit), canon(text.slice(0, limit)).includes(canon(word)), JSON.stringify({ text, word, limit }));
      },
    ),
    { seed: 20261129, numRuns: 4000 },
  );
});

test('includesCanonical finds a word broken by spaces, line breaks and full-width brackets', () => {
  assert.equal(includesCanonical('表二 本年 制发\n件数 12', '本年制发件数'), true);
  assert.equal(includesCanonical('第二十条第（九）项', '第二十条第(九)项'), true);
  assert.equal(includesCanonical('本年制发件', '本年制发件数'), false);
  // only within the prefix
  assert.equal(includesCanonical('前言本年制发件数', '本年制发件数', 7), false);
  assert.equal(includesCanonical('前言本年制发件数', '本年制发件数', 8), true);
});
