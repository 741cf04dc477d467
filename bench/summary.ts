/**
 * `npm run bench:summary`: the CLI's summary of N generated reports against checking them
 * (both the real dist/cli.js process, best of 3 runs each). Usage: bench/summary.ts [N=1000]
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { HUAIAN_2024, LAYOUTS, render, type ReportData } from '../test/helpers/layouts';

const N = Number(process.argv[2] ?? 1000);
const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const DIGITS = '零一二三四五六七八九';
const cn = (i: number) => [...String(i)].map((d) => DIGITS[Number(d)]).join('');

const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
for (let i = 0; i < N; i++) {
  const d: ReportData = JSON.parse(JSON.stringify(HUAIAN_2024));
  const k = (i % 7) + 1;
  d.agency = `${cn(i)}号县人民政府`;
  for (const key of Object.keys(d.t3)) d.t3[key] = d.t3[key]!.map((v) => v * k);
  d.t4 = d.t4.map((v) => v * k);
  writeFileSync(join(dir, `r${String(i).padStart(4, '0')}.txt`), render(d, LAYOUTS[i % LAYOUTS.length]!));
}

function time(args: string[]): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [CLI, ...args, dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = performance.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    best = Math.min(best, ms);
  }
  return best;
}

const check = time(['check', '--format', 'json']);
const md = time(['summary', '--format', 'md']);
const xlsxOut = join(dir, '..', `nianbao-bench-${process.pid}.xlsx`);
const xlsx = time(['summary', '--format', 'xlsx', '-o', xlsxOut]);
rmSync(dir, { recursive: true, force: true });
rmSync(xlsxOut, { force: true });
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`${N} generated reports (${LAYOUTS.length} layouts), node ${process.version}, best of 3`);
console.log(`check --format json     ${s(check)}`);
console.log(`summary --format md     ${s(md)}  (${(md / check).toFixed(2)}× check)`);
console.log(`summary --format xlsx   ${s(xlsx)}  (${(xlsx / check).toFixed(2)}× check)`);
