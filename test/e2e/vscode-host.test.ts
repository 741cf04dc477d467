/**
 * The in-extension-host suites, run in code-server's Extension Development Host (real workbench,
 * real Node extension host, real `vscode` API). Each in-host test is reported here by name.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/env';
import { runInHost, type HostRun } from './lib/host';
import { prepareSuiteWorkspace } from '../../scripts/e2e/workspace.mjs';

const noExtension = existsSync(join(ROOT, 'client/src/extension.ts')) ? false : 'the VS Code extension (client/src/extension.ts) has not landed yet';

function explain(r: HostRun): string {
  return `exit ${r.code}\n--- extension host / workbench console ---\n${r.console.slice(-60).join('\n')}\n--- code-server ---\n${r.serverLog.slice(-3000)}`;
}

/** Reports every in-host test as a node:test subtest, so the summary names what failed inside. */
async function report(t: TestContext, r: HostRun): Promise<void> {
  assert.ok(r.results.length > 0, `the suite reported no results: ${explain(r)}`);
  for (const res of r.results) {
    await t.test(res.name, () => {
      if (!res.ok) assert.fail(res.error);
    });
  }
}

test('harness self-check: probe extension in the Extension Development Host; a failing test fails the run', async (t) => {
  const r = await runInHost({
    name: 'host-probe',
    extensionPath: join(ROOT, 'test/e2e/fixtures/probe-extension'),
    suite: join(ROOT, 'test/e2e/suite/probe.ts'),
    workspace: (ws) => copyFileSync(join(ROOT, 'samples/000.nianbao.txt'), join(ws, 'a.txt')),
    env: { NIANBAO_E2E_PROBE_FAIL: '1' },
  });
  assert.equal(r.code, 1, `the deliberately failing test must make the host exit 1: ${explain(r)}`);
  assert.deepEqual(
    r.results.map((x) => [x.name, x.ok]),
    [
      ['the probe extension flags 本年度止件数 and fixes it through a code action', true],
      ['deliberately failing', false],
    ],
    explain(r),
  );
});

test('nianbao extension in the Extension Development Host (suite test/e2e/suite/nianbao.ts)', { skip: noExtension }, async (t) => {
  const r = await runInHost({
    name: 'host-nianbao',
    extensionPath: ROOT,
    suite: join(ROOT, 'test/e2e/suite/nianbao.ts'),
    workspace: prepareSuiteWorkspace,
    // the suite has grown past the 120 s default on a busy 2-core machine (load 25 seen)
    timeoutMs: 300_000,
  });
  await report(t, r);
  assert.equal(r.code, 0, explain(r));
});
