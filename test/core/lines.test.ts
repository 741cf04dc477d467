// Lines (the parser's line index): offsets and text of every line, as text.split('\n') gives them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitLines } from '../../server/src/core/parse/structure';

test('Lines: the same lines as text.split("\\n"), with their offsets, for any text', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', '表', '\n', '\r', '\t', ' '), { maxLength: 60 }), (chars) => {
      const text = chars.join('');
      const lines = splitLines(text);
      const parts = text.split('\n');
      assert.equal(lines.length, parts.length);
      let at = 0;
      parts.forEach((part, k) => {
        assert.equal(lines.s(k), at);
        assert.equal(lines.e(k), at + part.length);
        assert.equal(lines.text(k), part);
        assert.deepEqual(lines.at(k), { s: at, e: at + part.length, text: part });
        at += part.length + 1;
      });
    }),
    { seed: 20261130, numRuns: 2000 },
  );
});
