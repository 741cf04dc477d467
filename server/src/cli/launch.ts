/**
 * `nianbao` (dist/cli.js): starts the CLI bundle (dist/cli-main.js) with the V8 code cache that
 * the build made for it (dist/cli-main.js.cache), so that the bundle's 1.6 MB are not parsed
 * and its functions not compiled again on every run (about 60 ms a run on this project's machine).
 *
 * The cache is only an optimisation: V8 checks it against the source and its own version and
 * flags, and when it does not fit (another Node, `--inspect`, a rebuilt bundle) or is missing,
 * the bundle is compiled as usual. Nothing is written at run time, except on the build's request
 * (NIANBAO_WRITE_CODE_CACHE, set by scripts/build.mjs after a warm-up run over samples/).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

const bundle = join(__dirname, 'cli-main.js');
const writeTo = process.env.NIANBAO_WRITE_CODE_CACHE;
let cachedData: Buffer | undefined;
if (!writeTo) {
  try {
    cachedData = readFileSync(`${bundle}.cache`);
  } catch {
    // no cache: compile as usual
  }
}
// the bundle as Node's module loader would run it (it has no import(), which a Script could not do)
const source = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
const script = new Script(wrap(source), { filename: bundle, cachedData });
if (writeTo) process.once('exit', () => writeFileSync(writeTo, script.createCachedData()));
const module_ = { exports: {}, filename: bundle, id: bundle, loaded: false };
(script.runInThisContext() as (...args: unknown[]) => void).call(module_.exports, module_.exports, createRequire(bundle), module_, bundle, __dirname);
