// The long fuzz run for before a release: `npm run fuzz [minutes]` (default 3). Any failing
// input is written to test/fuzz/regressions/ so the quick suite keeps it.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { checkText, mangledSeed, seedTexts } from '../test/fuzz/properties';

const minutes = Number(process.argv[2] ?? 3);
const deadline = Date.now() + minutes * 60_000;
const seeds = seedTexts();
let runs = 0;
while (Date.now() < deadline) {
  const seed = Date.now();
  const r = fc.check(fc.property(fc.oneof(mangledSeed(seeds), fc.string({ maxLength: 2000, unit: 'binary' })), (t) => checkText(t)), { seed, numRuns: 100 });
  runs += r.numRuns;
  if (r.failed) {
    const input = String(r.counterexample?.[0] ?? '');
    const file = new URL(`../test/fuzz/regressions/fuzz-${seed}.txt`, import.meta.url);
    writeFileSync(file, input);
    console.error(`failure (seed ${seed}) saved to ${file.pathname}:\n${r.errorInstance}`);
    process.exit(1);
  }
}
console.log(`${runs} inputs, no failure`);
