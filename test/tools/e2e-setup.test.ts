/**
 * The real-editor tools are installed by scripts/e2e/setup.mjs under `npm run test:e2e`, which
 * exports npm's own state to the script. code-server's postinstall read the inherited user agent
 * (node/v20) and refused to install under Node 24: installers must get a clean environment.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
// @ts-expect-error plain .mjs script without types
import { installerEnv } from '../../scripts/e2e/setup.mjs';

test('installers do not inherit the outer npm run state, but keep network settings and what the caller adds', () => {
  const outer = {
    PATH: '/usr/bin',
    HOME: '/root',
    NODE: '/usr/bin/node',
    INIT_CWD: '/work/main',
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    npm_config_nodedir: '/usr',
    npm_config_local_prefix: '/work/main',
    npm_lifecycle_event: 'test:e2e',
    npm_package_name: 'nianbao-lint',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    npm_config_registry: 'https://registry.example/',
    npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
  };
  const env = installerEnv({ npm_config_nodedir: '/cache/node24' }, outer) as Record<string, string>;
  assert.equal(env.npm_config_user_agent, undefined);
  assert.equal(env.npm_config_node_gyp, undefined);
  assert.equal(env.npm_config_local_prefix, undefined);
  assert.equal(env.npm_lifecycle_event, undefined);
  assert.equal(env.npm_package_name, undefined);
  assert.equal(env.npm_execpath, undefined);
  assert.equal(env.NODE, undefined);
  assert.equal(env.INIT_CWD, undefined);
  assert.equal(env.npm_config_nodedir, '/cache/node24');
  assert.equal(env.npm_config_registry, 'https://registry.example/');
  assert.equal(env.npm_config_cafile, '/etc/ssl/certs/ca-certificates.crt');
  assert.equal(env.PATH, '/usr/bin');
});

test('under npm run, an installer started with installerEnv sees no npm user agent', () => {
  // The real situation: `npm run` exports npm_config_user_agent to the script.
  const script = `import('${new URL('../../scripts/e2e/setup.mjs', import.meta.url).href}').then(({ installerEnv }) => {
    const { spawnSync } = require('node:child_process');
    const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.env.npm_config_user_agent))'], { env: installerEnv(), encoding: 'utf8' });
    process.stdout.write(String(!!process.env.npm_config_user_agent) + ' ' + r.stdout);
  })`;
  const r = spawnSync('npm', ['exec', '--yes=false', '--', 'node', '-e', script], { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'true undefined');
});
