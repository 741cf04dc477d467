// The real language server (node dist/server.js --stdio) under a long typing session: its
// memory stays flat over 10,000 edits and the last diagnostics equal a fresh check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../helpers/lsp';
import { EXTERNAL } from '../helpers/cli';

const SEED = readFileSync(join(EXTERNAL, 'hongze-district-2023.txt'), 'utf8');

/** Resident memory of the server process in MB (Linux). */
function rssMB(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

test('10,000 edits: server memory stays flat and the result equals a fresh check', { timeout: 180_000 }, async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///tmp/nianbao-load/report.txt';
    await client.open(uri, SEED);
    await client.diagnostics(uri);
    let doc = TextDocument.create(uri, 'gov-report', 1, SEED);
    const at = doc.positionAt(SEED.indexOf('（一）'));
    const samples: number[] = [];
    let version = 1;
    for (let i = 1; i <= 10_000; i++) {
      // type a digit, then delete it: the text keeps changing and the edits never accumulate
      const change = i % 2
        ? { range: { start: at, end: at }, text: String(i % 10) }
        : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
      version = await client.change(uri, [change]);
      doc = TextDocument.update(doc, [change], version);
      if (i % 1000 === 0) {
        // let the server catch up, then sample its memory
        await client.diagnostics(uri, version);
        samples.push(rssMB(client.child.pid!));
      }
    }
    const final = await client.diagnostics(uri, version);
    const fresh = 'file:///tmp/nianbao-load/fresh.txt';
    await client.open(fresh, doc.getText());
    const strip = (ds: typeof final) => ds.map((d) => ({ range: d.range, code: d.code, message: d.message, severity: d.severity }));
    assert.deepEqual(strip(final), strip(await client.diagnostics(fresh)));
    assert.ok(final.length > 0);
    assert.equal(doc.getText(), SEED);
    // after warm-up (2,000 edits) memory may wobble with the GC but must not keep growing:
    // a leak of even one copy of the text per edit would add well over 100 MB here
    if (process.env.NIANBAO_VERBOSE) console.log(`RSS MB every 1,000 edits: ${samples.map((s) => s.toFixed(0)).join(", ")}`);
    const warm = samples[1]!;
    const peak = Math.max(...samples.slice(2));
    assert.ok(peak < warm + 60, `RSS grew from ${warm.toFixed(0)} MB to ${peak.toFixed(0)} MB: ${samples.map((s) => s.toFixed(0)).join(', ')}`);
  } finally {
    await client.close();
  }
});
