/**
 * How the in-host suite finds its VS Code (scripts/e2e/vscode.mjs): forced by NIANBAO_E2E_VSCODE,
 * else a quick probe; and the launcher reads the arguments @vscode/test-electron's runTests gives VS Code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { accessSync, constants } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chooseVSCode, LAUNCHER } from '../../scripts/e2e/vscode.mjs';
import { parseLaunchArgs } from '../e2e/lib/launcher';

test('NIANBAO_E2E_VSCODE forces the choice; otherwise any HTTP answer means download, no answer the launcher', async () => {
  assert.equal((await chooseVSCode({ NIANBAO_E2E_VSCODE: 'code-server' }, 'http://127.0.0.1:9/')).kind, 'code-server');
  assert.equal((await chooseVSCode({ NIANBAO_E2E_VSCODE: 'download' }, 'http://127.0.0.1:9/')).kind, 'download');
  const server = createServer((_req, res) => res.writeHead(404).end()).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/releases/stable`;
    assert.equal((await chooseVSCode({}, url)).kind, 'download', 'an answer, even 404: the host is reachable');
  } finally {
    server.close();
  }
  const refused = await chooseVSCode({}, 'http://127.0.0.1:9/');
  assert.equal(refused.kind, 'code-server');
  assert.match(refused.why, /unreachable/);
  // a host that never answers: the probe gives up after its timeout
  const t0 = Date.now();
  const silent = createServer(() => {}).listen(0, '127.0.0.1');
  await new Promise((r) => silent.once('listening', r));
  try {
    assert.equal((await chooseVSCode({}, `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, 300)).kind, 'code-server');
    assert.ok(Date.now() - t0 < 5000);
  } finally {
    silent.closeAllConnections();
    silent.close();
  }
});

test('the launcher is executable and reads the arguments runTests passes to VS Code', () => {
  accessSync(LAUNCHER, constants.X_OK);
  // as runTests builds them: launchArgs first, then its own, then the profile folders
  const a = parseLaunchArgs(['/ws', '--disable-extensions', '--user-data-dir=/d', '--no-sandbox', '--disable-gpu-sandbox', '--extensionTestsPath=/s/suite', '--extensionDevelopmentPath=/ext', '--extensions-dir=/e']);
  assert.deepEqual(a, { folder: '/ws', extensionTestsPath: '/s/suite', extensionDevelopmentPaths: ['/ext'] });
  const b = parseLaunchArgs(['--extensionDevelopmentPath', '/a', '--extensionDevelopmentPath=/b', '--extensionTestsPath', '/t']);
  assert.deepEqual(b, { extensionDevelopmentPaths: ['/a', '/b'], extensionTestsPath: '/t' });
});
