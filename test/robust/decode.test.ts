// decode(): every way a UTF-8 file is turned into text gives the same text as Node's own decoder
// (the transcoder path for Chinese text, ASCII, very large files, a BOM, a second BOM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../server/src/io/files';
import { EXTERNAL } from '../helpers/cli';

const hongze = readFileSync(join(EXTERNAL, 'hongze-district-2023.txt'), 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

test('UTF-8 text decodes to exactly what Buffer#toString gives, with or without a BOM, small or over 4 MB', () => {
  const big = hongze.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(hongze)));
  const astral = '𠀀𪚥 表三 🙂 ';
  for (const [name, text] of [
    ['Chinese', hongze],
    ['ASCII', 'Annual report 2024\n1\t2\t3\n'],
    ['astral characters', astral.repeat(50)],
    ['over 4 MB', big],
    ['empty', ''],
  ] as const) {
    for (const bom of [false, true]) {
      const bytes = bom ? Buffer.concat([BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8');
      const r = decode(bytes);
      assert.ok(r.ok, `${name}: decoded`);
      assert.equal(r.encoding, 'utf-8', name);
      assert.equal(r.bom, bom, `${name}: bom`);
      assert.ok(r.text === text, `${name}${bom ? ' with a BOM' : ''}: same text`);
    }
  }
  // a second BOM after the first is text to the decoder, but the file's mark to us: dropped, as before
  const r = decode(Buffer.concat([BOM, BOM, Buffer.from('表三', 'utf8')]));
  assert.ok(r.ok && r.text === '表三' && r.bom);
});
