// The language server under a day of typing: memory stays flat over 10,000 edits, and the last
// diagnostics match a fresh check of the final text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient } from '../helpers/lsp';
import { EXTERNAL } from '../helpers/cli';
import { lint, LineIndex } from '../../server/src/core';

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

test('memory stays flat over 10,000 edits', { timeout: 240_000 }, async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///tmp/memory-report.nianbao.txt';
    let text = readFileSync(join(EXTERNAL, 'hongze-district-2023.txt'), 'utf8');
    await client.open(uri, text);
    await client.diagnostics(uri);
    const idx = new LineIndex(text);
    const at = idx.position(text.indexOf('10 1 0 0 0'));
    let warm = 0;
    for (let i = 1; i <= 10_000; i++) {
      // type a digit into the 表四 row, then delete it again
      const insert = i % 2 === 1;
      const range = insert ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
      const version = await client.change(uri, [{ range, text: insert ? '7' : '' }]);
      if (i % 500 === 0) await client.diagnostics(uri, version);
      if (i === 1000) {
        global.gc?.();
        warm = rssMB(client.child.pid!);
      }
    }
    const end = rssMB(client.child.pid!);
    assert.ok(end - warm < 60, `server RSS grew from ${warm.toFixed(0)} MB to ${end.toFixed(0)} MB over 9,000 edits`);
    // 10,000 edits (an even number): the text is back to the original
    const published = await client.diagnostics(uri);
    const fresh = lint(text).diagnostics;
    assert.deepEqual(published.map((d) => d.code).sort(), fresh.map((d) => d.ruleId).sort());
    text = '';
  } finally {
    await client.close();
    client.child.kill();
  }
});
