// Installs what the real-editor tests need, skipping whatever is already there:
// Debian packages (chromium, neovim, libkrb5-dev for code-server's kerberos module,
// fonts-wqy-microhei so Chinese is readable in screenshots), Node 24 (npm package node@24)
// and code-server, both into a cache folder outside the repo.
// Usage: node scripts/e2e/setup.mjs   (prints the resolved paths as JSON)
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const APT_PACKAGES = ['chromium', 'neovim', 'libkrb5-dev', 'fonts-wqy-microhei'];

export function cacheDir() {
  return resolve(process.env.NIANBAO_E2E_CACHE || join(homedir(), '.cache', 'nianbao-e2e'));
}

function log(msg) {
  process.stderr.write(`[e2e setup] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`);
}

function aptInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

export function ensureApt() {
  const missing = APT_PACKAGES.filter((p) => !aptInstalled(p));
  if (!missing.length) return;
  // Root in CI containers; elsewhere fall back to sudo.
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another job may hold the dpkg lock for a while: wait for it instead of failing.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  const cmd = (args) => (sudo.length ? run('sudo', ['-E', 'apt-get', ...args], { env }) : run('apt-get', args, { env }));
  cmd([...lock, 'update', '-qq']);
  cmd([...lock, 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

function nodeDistDir(prefix) {
  const base = join(prefix, 'node_modules', 'node', 'node_modules');
  if (!existsSync(base)) return undefined;
  const d = readdirSync(base).find((n) => /^node-(linux|darwin)-/.test(n));
  return d ? join(base, d) : undefined;
}

function nodeVersion(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

// What an installer may inherit from the outer `npm run`. npm exports its own state to scripts
// (npm_config_user_agent names the Node that ran it, npm_config_node_gyp/nodedir/prefix point at
// that Node's tools): code-server's postinstall reads the user agent and refuses Node 20 although
// Node 24 runs it. Installers get a clean environment: these network and cache settings pass;
// every other npm_* variable (and npm's NODE/INIT_CWD) is dropped; callers add what they need.
const NPM_PASSTHROUGH = new Set([
  'npm_config_registry',
  'npm_config_proxy',
  'npm_config_https_proxy',
  'npm_config_noproxy',
  'npm_config_cafile',
  'npm_config_strict_ssl',
  'npm_config_cache',
  'npm_config_userconfig',
  'npm_config_globalconfig',
]);

export function installerEnv(extra = {}, base = process.env) {
  const env = {};
  for (const [k, v] of Object.entries(base)) {
    if (v === undefined) continue;
    const lower = k.toLowerCase();
    if (lower.startsWith('npm_') && !NPM_PASSTHROUGH.has(lower)) continue;
    if (k === 'NODE' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function npmInstall(prefix, spec, env = installerEnv()) {
  mkdirSync(prefix, { recursive: true });
  // A package.json of its own keeps npm from walking up into some other project.
  if (!existsSync(join(prefix, 'package.json'))) writeFileSync(join(prefix, 'package.json'), '{"private":true}\n');
  run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, spec], { env });
}

export function ensureNode24(cache = cacheDir()) {
  const prefix = join(cache, 'node24');
  let dist = nodeDistDir(prefix);
  if (!dist || !nodeVersion(join(dist, 'bin', 'node')).startsWith('v24.')) {
    npmInstall(prefix, 'node@24');
    dist = nodeDistDir(prefix);
  }
  const node = dist && join(dist, 'bin', 'node');
  if (!node || !nodeVersion(node).startsWith('v24.')) throw new Error(`node@24 did not install a Node 24 binary under ${prefix}`);
  return { dist, bin: join(dist, 'bin'), node };
}

export function ensureCodeServer(node24, cache = cacheDir()) {
  const prefix = join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = join(prefix, '.installed');
  if (!existsSync(marker) || !existsSync(entry)) {
    rmSync(prefix, { recursive: true, force: true });
    // Native modules must build against Node 24's headers, not the machine's Node 20
    // (the user npmrc sets nodedir); the env var wins over the npmrc.
    const env = installerEnv({ PATH: `${node24.bin}:${process.env.PATH}`, npm_config_nodedir: node24.dist });
    npmInstall(prefix, `code-server@${CODE_SERVER_VERSION}`, env);
    if (!existsSync(entry)) throw new Error(`code-server installed but ${entry} is missing`);
    writeFileSync(marker, `${new Date().toISOString()}\n`);
  }
  return { prefix, entry };
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Two runs (say, two worktrees) installing into one cache at once corrupt it: take a lock. */
function withLock(cache, fn) {
  const lock = join(cache, '.lock');
  const end = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = Number(existsSync(join(lock, 'pid')) ? readFileSync(join(lock, 'pid'), 'utf8') : NaN);
      if (owner && !pidAlive(owner)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > end) throw new Error(`${lock} held by pid ${owner} for too long`);
      log(`waiting for another setup (pid ${owner})`);
      spawnSync('sleep', ['5']);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function setup() {
  const cache = cacheDir();
  mkdirSync(cache, { recursive: true });
  const t0 = Date.now();
  const { node24, codeServer } = withLock(cache, () => {
    ensureApt();
    const node24 = ensureNode24(cache);
    return { node24, codeServer: ensureCodeServer(node24, cache) };
  });
  const paths = {
    cache,
    node24: node24.node,
    node24Bin: node24.bin,
    codeServerEntry: codeServer.entry,
    chromium: '/usr/bin/chromium',
    nvim: '/usr/bin/nvim',
  };
  log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return paths;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(JSON.stringify(setup(), null, 2));
  } catch (e) {
    log(String(e?.message ?? e));
    process.exit(1);
  }
}
