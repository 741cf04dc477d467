/**
 * The 勾稽 solver: digits run together (`2410000025`, `30 0 0 0 03`, `1500000 15`) are cut into
 * a row's cells in every way that keeps each written number whole where a space stands (a space
 * always ends a cell) and puts no leading zero on a number; the relations of the whole table
 * choose among the readings. Bounded: readings are counted first (dynamic programming over the
 * digits) and a row with more than MAX_READINGS is not enumerated.
 */
import type { FormatTemplate } from '../format/template';
import { evaluate, relationsOf, type CellRef, type Relation } from '../relations';
import type { RawCell } from './rows';
import type { Token } from './tokens';

/** A row with more readings than this is left unread (the relations could not choose among them anyway). */
export const MAX_READINGS = 4000;
/** Combinations of readings of several rows tried at most over one table. */
const MAX_COMBINATIONS = 20_000;
/** Longest number read out of a run (counts have at most nine digits). */
const MAX_DIGITS = 9;

/** Every way to cut the run into `parts` cells, each with its exact range; undefined when there are more than `limit`. */
export function segmentations(run: readonly Token[], parts: number, limit = MAX_READINGS): RawCell[][] | undefined {
  // pieces: each token is one cell (not plain digits) or one or more cells (plain digits)
  const n = run.length;
  const plain = run.map((t) => t.kind === 'num' && /^\d+$/.test(t.text));
  // ways[i][k]: readings of tokens i.. into k cells (capped at limit + 1)
  const cap = limit + 1;
  const ways: Map<number, number>[] = Array.from({ length: n + 1 }, () => new Map());
  const splits = (t: Token, k: number): number => countToken(t.text, k, cap);
  const count = (i: number, k: number): number => {
    if (i === n) return k === 0 ? 1 : 0;
    if (k <= 0) return 0;
    const memo = ways[i]!.get(k);
    if (memo !== undefined) return memo;
    let total = 0;
    if (!plain[i]) total = count(i + 1, k - 1);
    else {
      const d = run[i]!.text.length;
      for (let m = 1; m <= Math.min(k, d) && total < cap; m++) {
        const here = splits(run[i]!, m);
        if (here) total += here * count(i + 1, k - m);
      }
    }
    total = Math.min(total, cap);
    ways[i]!.set(k, total);
    return total;
  };
  const total = count(0, parts);
  if (total > limit) return undefined;
  const out: RawCell[][] = [];
  const cur: RawCell[] = [];
  const rec = (i: number, k: number) => {
    if (i === n) {
      if (k === 0) out.push(cur.slice());
      return;
    }
    if (count(i, k) === 0) return;
    const t = run[i]!;
    if (!plain[i]) {
      cur.push({ kind: 'number', raw: t.text, s: t.s, e: t.e, value: Number(t.text) });
      rec(i + 1, k - 1);
      cur.pop();
      return;
    }
    for (let m = 1; m <= Math.min(k, t.text.length); m++) {
      if (!count(i + 1, k - m)) continue;
      for (const cut of cutsOf(t.text, m)) {
        let at = 0;
        for (const len of cut) {
          const raw = t.text.slice(at, at + len);
          cur.push({ kind: 'number', raw, s: t.s + at, e: t.s + at + len, value: Number(raw), recovered: cut.length > 1 || undefined });
          at += len;
        }
        rec(i + 1, k - m);
        cur.length -= cut.length;
      }
    }
  };
  rec(0, parts);
  for (const r of out) for (const c of r) if (!c.recovered) delete c.recovered;
  return out;
}

/** Ways to cut a digit string into k numbers without leading zeros (capped). */
function countToken(d: string, k: number, cap: number): number {
  // f[j][p]: ways to cut d[j..] into p numbers
  const n = d.length;
  if (k > n) return 0;
  const f: number[][] = Array.from({ length: n + 1 }, () => new Array(k + 1).fill(0));
  f[n]![0] = 1;
  for (let j = n - 1; j >= 0; j--) {
    for (let p = 1; p <= k; p++) {
      let s = 0;
      for (let len = 1; len <= Math.min(MAX_DIGITS, n - j); len++) {
        if (len > 1 && d[j] === '0') break;
        s += f[j + len]![p - 1]!;
      }
      f[j]![p] = Math.min(s, cap);
    }
  }
  return f[0]![k]!;
}

/** The cuts themselves (lengths), for a token whose count is known to be small. */
function cutsOf(d: string, k: number): number[][] {
  const out: number[][] = [];
  const cur: number[] = [];
  const rec = (j: number, left: number) => {
    if (left === 0) {
      if (j === d.length) out.push(cur.slice());
      return;
    }
    const rest = d.length - j;
    for (let len = 1; len <= Math.min(MAX_DIGITS, rest - (left - 1)); len++) {
      if (len > 1 && d[j] === '0') break;
      cur.push(len);
      rec(j + len, left - 1);
      cur.pop();
    }
  };
  rec(0, k);
  return out;
}

/** A row to be read: its key, the cells already read (undefined where none) or its readings. */
export interface SolverRow {
  key: string;
  /** Readings of a row whose digits ran together; absent for a row read cell by cell. */
  readings?: RawCell[][];
  values?: (number | undefined)[];
}

export type Outcome =
  | { kind: 'one'; choice: Map<string, number>; broken: Relation[]; deciding: Relation[] }
  | { kind: 'several'; rows: Map<string, number[][]>; deciding: Relation[] }
  | { kind: 'none' };

/**
 * Choose one reading per unsolved row so that the table's relations hold: exactly one
 * consistent choice → it; several → 'several' (the readings each row may have); none → the
 * choice with the fewest broken relations if that is unique ('one' with `broken`), else 'none'.
 */
export function solveTable(t: FormatTemplate, table: 't3' | 't4', rows: SolverRow[]): Outcome {
  const open = rows.filter((r) => r.readings && r.readings.length);
  if (!open.length) return { kind: 'none' };
  const fixed = new Map<string, (number | undefined)[]>();
  for (const r of rows) if (!r.readings) fixed.set(r.key, r.values ?? []);
  const openKeys = new Set(open.map((r) => r.key));
  const rels = relationsOf(t).filter((rel) => rel.lhs.concat(rel.rhs).every((c) => c.table === table) && rel.lhs.concat(rel.rhs).some((c) => openKeys.has(c.row)));
  const choice = new Map<string, number>();
  const get = (c: CellRef) => {
    const r = open.find((o) => o.key === c.row);
    if (r) return r.readings![choice.get(r.key)!]![c.col]?.value ?? undefined;
    return fixed.get(c.row)?.[c.col];
  };
  const rowOk = (r: SolverRow, i: number) => {
    choice.set(r.key, i);
    return rels.filter((rel) => rel.kind === 'row' || rel.kind === 'group').filter((rel) => rel.lhs.concat(rel.rhs).every((c) => c.row === r.key)).every((rel) => evaluate(rel, get)?.held !== false);
  };
  // a fully consistent reading has every row consistent on its own: try those first
  const own = open.map((r) => r.readings!.map((_, i) => i).filter((i) => rowOk(r, i)));
  const search = (lists: number[][]) => {
    let size = 1;
    for (const l of lists) size *= Math.max(1, l.length);
    if (size > MAX_COMBINATIONS || lists.some((l) => !l.length)) return undefined;
    let best = Infinity;
    const at: number[][] = [];
    const idx = new Array(lists.length).fill(0);
    for (let n = 0; n < size; n++) {
      let q = n;
      for (let k = 0; k < lists.length; k++) {
        idx[k] = lists[k]![q % lists[k]!.length]!;
        q = Math.floor(q / lists[k]!.length);
        choice.set(open[k]!.key, idx[k]);
      }
      let broken = 0;
      for (const rel of rels) if (evaluate(rel, get)?.held === false && ++broken > best) break;
      if (broken < best) {
        best = broken;
        at.length = 0;
      }
      if (broken === best) at.push(idx.slice());
    }
    return { best, at };
  };
  const consistent = search(own);
  let found = consistent && consistent.best === 0 ? consistent : undefined;
  if (!found) {
    // no consistent reading: the rows that cannot hold on their own take any reading
    const lists = open.map((r, k) => (own[k]!.length ? own[k]! : r.readings!.map((_, i) => i)));
    found = search(lists);
  }
  if (!found || !found.at.length) return { kind: 'none' };
  if (found.at.length === 1) {
    open.forEach((r, k) => choice.set(r.key, found!.at[0]![k]!));
    const evals = rels.map((rel) => evaluate(rel, get)).filter((e) => e !== undefined);
    return { kind: 'one', choice: new Map(choice), broken: evals.filter((e) => !e.held).map((e) => e.relation), deciding: rels };
  }
  if (found.best > 0) return { kind: 'none' };
  const per = new Map<string, number[][]>();
  open.forEach((r, k) => {
    const seen = new Set<string>();
    const list: number[][] = [];
    for (const a of found!.at) {
      const v = r.readings![a[k]!]!.map((c) => c.value ?? NaN);
      if (!seen.has(v.join(','))) {
        seen.add(v.join(','));
        list.push(v);
      }
    }
    per.set(r.key, list);
  });
  return { kind: 'several', rows: per, deciding: rels };
}

/** Steps a pruned search may take over one row (bounds the work on long runs of digits). */
const PRUNED_BUDGET = 300_000;

/**
 * Readings of a run too long to list whole that pass `prefix` at every cell (a relation checked
 * as soon as its cells are read: 表四's group totals, a 表三 row's total): the consistent
 * readings only, found depth-first with pruning; undefined past `limit` readings or the budget.
 */
export function prunedReadings(run: readonly Token[], parts: number, prefix: (values: number[]) => boolean, limit = MAX_READINGS): RawCell[][] | undefined {
  return prunedSearch(run, parts, (v) => (prefix(v) ? 0 : 1), 0, limit);
}

/**
 * The readings whose completed relations break at most `maxBroken` times (`broken`: how many of
 * the relations whose cells are all read break): consistent ones first, then, when there are
 * none, those with the fewest broken (the solver reports what they break).
 */
export function fewestBrokenReadings(run: readonly Token[], parts: number, broken: (values: number[]) => number, limit = MAX_READINGS): RawCell[][] | undefined {
  for (let b = 0; b <= 1; b++) {
    const r = prunedSearch(run, parts, broken, b, limit);
    if (!r) return undefined;
    if (r.length) return r;
  }
  return [];
}

function prunedSearch(run: readonly Token[], parts: number, broken: (values: number[]) => number, maxBroken: number, limit: number): RawCell[][] | undefined {
  if (!run.every((t) => t.kind === 'num' && /^\d+$/.test(t.text))) return undefined;
  const out: RawCell[][] = [];
  const cells: RawCell[] = [];
  const values: number[] = [];
  let budget = PRUNED_BUDGET;
  // the digits left after token i, char j: a row needs at least one digit a cell
  const left = (i: number, j: number) => run.slice(i).reduce((n, t) => n + t.text.length, 0) - j;
  let failed = false;
  const rec = (i: number, j: number) => {
    if (failed || --budget < 0) {
      failed = true;
      return;
    }
    if (i === run.length) {
      if (cells.length === parts) {
        if (out.length >= limit) failed = true;
        else out.push(cells.slice());
      }
      return;
    }
    const t = run[i]!;
    const rest = parts - cells.length;
    if (rest <= 0 || left(i, j) < rest) return;
    for (let len = 1; len <= Math.min(MAX_DIGITS, t.text.length - j); len++) {
      if (len > 1 && t.text[j] === '0') break;
      const raw = t.text.slice(j, j + len);
      const v = Number(raw);
      cells.push({ kind: 'number', raw, s: t.s + j, e: t.s + j + len, value: v, ...(t.text.length > len ? { recovered: true } : {}) });
      values.push(v);
      if (broken(values) <= maxBroken) {
        // a cell ends at the token's end (a space ends it) or inside the token
        if (j + len === t.text.length) rec(i + 1, 0);
        else rec(i, j + len);
      }
      cells.pop();
      values.pop();
    }
  };
  rec(0, 0);
  return failed ? undefined : out;
}
