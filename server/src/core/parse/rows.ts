/**
 * The row matcher: walks a table region's tokens and assigns each run of numbers to the
 * template row whose label ends the label text before it. Anchored on the template, not on
 * the layout: tab rows, one cell per line, Markdown pipes, HTML cells and PDF text with labels
 * broken across lines all arrive here as the same token stream.
 */
import { alignAtEnd, allowedEdits, canonConst } from './labels';
import { canonOf, numericValue, type Token } from './tokens';
import { fewestBrokenReadings, segmentations } from './solve';

export interface RowSpec {
  key: string;
  label: string;
  /** Number of cells in the row. */
  width: number;
  /** Decimal values allowed (money). */
  decimals?: boolean[];
  /** Negative values allowed (2019 本年增/减). */
  signed?: boolean[];
  /** A group label that may stand as a row of its own (2021 reports that collapse （六）其他处理). */
  collapsedGroupOf?: string;
  /**
   * How cells sit among a tab-separated line's fields: 表三 rows are right-aligned (merged label
   * columns come first), 表二 rows left-aligned (span fillers come last).
   */
  align?: 'left' | 'right';
  /** Checks a candidate split of run-together digits (e.g. a row total). */
  accepts?: (values: number[]) => boolean;
  /** How many relations the first cells of a candidate split break, counting those whose cells are all read (prunes long runs). */
  broken?: (values: number[]) => number;
}

export interface RawCell {
  kind: 'number' | 'blank' | 'invalid';
  raw: string;
  s: number;
  e: number;
  value: number | null;
  recovered?: boolean;
  /** A unit written after the number in the cell (`1288件`). */
  unit?: { s: number; e: number; text: string };
  /** Numbers with a space between them in one cell (`2 05`): what was meant cannot be told. */
  spaced?: boolean;
}

export interface FoundRow {
  spec: RowSpec;
  labelS: number;
  labelE: number;
  /** The label text as written (normalised text, white space removed). */
  written: string;
  exact: boolean;
  cells: (RawCell | undefined)[];
  /** Numbers could not be assigned to this row's cells; `found`: how many numbers the row had. */
  unreadable?: { s: number; e: number; found: number };
  /** With `unreadable`: the readings of digits run together, for the table's solver. */
  readings?: RawCell[][];
}

export interface MatchResult {
  rows: FoundRow[];
  /** Runs of numbers that belong to no row: [s, e) and tokens. */
  orphans: { s: number; e: number; tokens: Token[] }[];
  /** Extra numbers after a row's cells; `row`: that row's label. */
  extras: { s: number; e: number; row: string }[];
  /** Empty tab fields after the last cell of every clean row (a closing pipe: 1), when they agree. */
  trail?: number;
  /** canonOf each run of label text, in order: together all the region's label text (表三's group labels are looked up in it). */
  labelTexts: { text: string; at: number[] }[];
}

const LOOKAHEAD = 10;
const MAX_LABEL_WINDOW = 160;

export function matchRows(text: string, tokens: readonly Token[], specs: readonly RowSpec[]): MatchResult {
  const result: MatchResult = { rows: [], orphans: [], extras: [], labelTexts: [] };
  const found = new Set<string>();
  const canonLabels = specs.map((s) => canonConst(s.label));
  let pointer = 0;
  let pendingRemainder: { row: FoundRow; rest: string } | undefined;
  const pending: { row: FoundRow; run: Token[] }[] = [];
  const trails = new Set<number>();
  let trailSamples = 0;
  let i = 0;
  while (i < tokens.length) {
    // a run of label text, then a run of numbers
    const textStart = i;
    while (i < tokens.length && tokens[i]!.kind === 'text') i++;
    const labelTokens = tokens.slice(textStart, i);
    const runStart = i;
    while (i < tokens.length && tokens[i]!.kind !== 'text') i++;
    const run = tokens.slice(runStart, i);
    const buf = canonOf(labelTokens);
    result.labelTexts.push(buf);
    if (pendingRemainder) {
      const head = buf.text.slice(0, pendingRemainder.rest.length + 12);
      if (head.includes(pendingRemainder.rest)) pendingRemainder.row.exact = true;
      pendingRemainder = undefined;
    }
    if (!run.length) continue;
    const windowStart = Math.max(0, buf.text.length - MAX_LABEL_WINDOW);
    const tail = buf.text.slice(windowStart);
    let best: { idx: number; cost: number; start: number; truncated: boolean; score: number } | undefined;
    for (let k = pointer; k < Math.min(specs.length, pointer + LOOKAHEAD); k++) {
      const spec = specs[k]!;
      if (found.has(spec.key)) continue;
      const L = canonLabels[k]!;
      // no later candidate can beat the best: its lookahead penalty alone is larger
      if (best && best.score < (k - pointer) * 0.001) break;
      if (L.length && tail.endsWith(L)) {
        // exact: the same result the alignment would give, without running it (most rows)
        const score = (k - pointer) * 0.001;
        if (!best || score < best.score) best = { idx: k, cost: 0, start: tail.length - L.length, truncated: false, score };
        break;
      }
      // an alignment within the allowed edits cannot start further back than this
      const reach = Math.min(tail.length, L.length + allowedEdits(L.length) + 1);
      const a = alignAtEnd(L, tail.slice(tail.length - reach));
      a.start += tail.length - reach;
      let cand: typeof best;
      if (a.cost <= allowedEdits(L.length)) cand = { idx: k, cost: a.cost, start: a.start, truncated: false, score: a.cost / L.length + (k - pointer) * 0.001 };
      else {
        // a label cut short, its rest after the numbers (PDF text): the text ends with a long prefix of it
        const minPrefix = Math.max(6, Math.ceil(L.length * 0.4));
        for (let p = L.length - 1; p >= minPrefix; p--) {
          if (tail.endsWith(L.slice(0, p))) {
            cand = { idx: k, cost: L.length - p, start: tail.length - p, truncated: true, score: 0.5 + (k - pointer) * 0.001 };
            break;
          }
        }
      }
      if (cand && (!best || cand.score < best.score)) best = cand;
    }
    if (!best) {
      result.orphans.push({ s: run[0]!.s, e: run[run.length - 1]!.e, tokens: run });
      continue;
    }
    const spec = specs[best.idx]!;
    // rows skipped over whose labels stand in the text with no numbers: present but blank
    const before = tail.slice(0, best.start);
    for (let k = pointer; k < best.idx; k++) {
      const sk = specs[k]!;
      if (found.has(sk.key) || sk.collapsedGroupOf) continue;
      const L = canonLabels[k]!;
      const at = before.lastIndexOf(L);
      if (at >= 0 && L.length >= 2) {
        const s = buf.at[windowStart + at]!;
        const e = buf.at[windowStart + at + L.length - 1]! + 1;
        result.rows.push({ spec: sk, labelS: s, labelE: e, written: L, exact: true, cells: blankCells(text, e, sk.width, sk.align ?? 'right') });
        found.add(sk.key);
      }
    }
    const ls = buf.at[windowStart + best.start] ?? run[0]!.s;
    const le = buf.text.length ? buf.at[buf.text.length - 1]! + 1 : ls;
    const written = tail.slice(best.start);
    const row: FoundRow = {
      spec,
      labelS: ls,
      labelE: le,
      written,
      exact: !best.truncated && written === canonLabels[best.idx],
      cells: [],
    };
    if (best.truncated) pendingRemainder = { row, rest: canonLabels[best.idx]!.slice(written.length) };
    if (run.length === spec.width && !sharesField(text, run)) {
      row.cells = run.map((t, c) => cellOf(t, spec, c));
      // a few clean rows show how the layout ends a row; more only cost time (every row of every report)
      if (trailSamples < TRAIL_SAMPLES && trails.size <= 1) {
        const n = trailingFields(text, row, run);
        if (n !== undefined) {
          trails.add(n);
          trailSamples++;
        }
      }
    } else pending.push({ row, run });
    result.rows.push(row);
    found.add(spec.key);
    pointer = best.idx + 1;
  }
  // the other rows once the clean ones have shown how the layout ends a row
  result.trail = trails.size === 1 ? [...trails][0] : undefined;
  for (const p of pending) assignCells(text, p.row, p.run, result, result.trail);
  result.rows.sort((a, b) => specs.indexOf(a.spec) - specs.indexOf(b.spec));
  return result;
}

export function cellOf(t: Token, spec: RowSpec, col: number): RawCell {
  if (t.kind === 'num') {
    const v = numericValue(t.text);
    const decimalOk = spec.decimals?.[col] ?? false;
    const signedOk = spec.signed?.[col] ?? false;
    const valid = Number.isFinite(v) && (decimalOk || Number.isInteger(v)) && (signedOk || v >= 0);
    const cell: RawCell = { kind: valid ? 'number' : 'invalid', raw: t.text, s: t.s, e: t.e, value: valid ? v : null };
    if (t.unit) cell.unit = t.unit;
    return cell;
  }
  return { kind: 'invalid', raw: t.text, s: t.s, e: t.e, value: null };
}

/** With more numbers than cells: the first ones are the row's cells if its sums say so (or it has none to say). */
function firstCellsAddUp(run: Token[], spec: RowSpec): boolean {
  if (!spec.accepts) return true;
  const v = run.slice(0, spec.width).map((t) => (t.kind === 'num' ? numericValue(t.text) : NaN));
  return v.every((x) => Number.isFinite(x)) && spec.accepts(v);
}

/** True when two of the run's numbers share a tab field of one line (a cell written `2 05`). */
function sharesField(text: string, run: Token[]): boolean {
  // the line before run[k - 1] is known to have no tab (numbers with spaces between: scanned back once, not per number)
  let noTabBefore = false;
  for (let k = 1; k < run.length; k++) {
    // scans stay inside the line: a document without tabs must not be searched to its end per row
    let i = run[k - 1]!.e;
    const s = run[k]!.s;
    while (i < s && text.charCodeAt(i) !== 9 && text.charCodeAt(i) !== 10) i++;
    if (i < s) {
      noTabBefore = false;
      continue; // a tab or a line break between them: two fields
    }
    if (noTabBefore) continue;
    for (let j = run[k - 1]!.s - 1; j >= 0; j--) {
      const c = text.charCodeAt(j);
      if (c === 10) break;
      if (c === 9) return true; // a tab line, and no tab between the two numbers
    }
    noTabBefore = true;
  }
  return false;
}

/** Clean rows asked how the layout ends a row (they agree, or the layout has no single answer). */
const TRAIL_SAMPLES = 4;

/** Empty fields after the last cell of a clean row on a tab line (a closing pipe gives one), or undefined. */
function trailingFields(text: string, row: FoundRow, run: Token[]): number | undefined {
  // lineFields' fields that start after the last number, counted without making the list
  const line = fieldLine(text, row.labelE, run);
  if (!line) return undefined;
  const lineEnd = line.lineEnd;
  let n = 0;
  for (let q = text.indexOf('\t', run[run.length - 1]!.e); q >= 0 && q < lineEnd; ) {
    let e = text.indexOf('\t', q + 1);
    if (e < 0 || e > lineEnd) e = lineEnd;
    if (text.slice(q + 1, e).trim()) return undefined;
    n++;
    q = e < lineEnd ? e : -1;
  }
  return n;
}

/**
 * Cells of a row whose numbers do not simply fill it (fewer or more than its width, or two in one
 * tab field): by tab positions when the line says where each cell is; else digits run together
 * split by the sums when that is unique; else unreadable, never guessed at.
 * `trail`: the layout's empty fields after a row's last cell, learnt from the table's clean rows.
 */
function assignCells(text: string, row: FoundRow, run: Token[], result: MatchResult, trail: number | undefined) {
  const placed = placeRun(text, run, row.spec, { fieldsFrom: row.labelE, linesFrom: row.labelE, trail, splitOnlyGlued: true });
  row.cells = placed.cells;
  if (placed.unreadable) row.unreadable = placed.unreadable;
  if (placed.readings) row.readings = placed.readings;
  if (placed.extra) result.extras.push({ ...placed.extra, row: row.spec.label });
}

export interface Placement {
  cells: (RawCell | undefined)[];
  /** Which numbers are which cells cannot be told: [s, e) of the run and how many numbers it had. */
  unreadable?: { s: number; e: number; found: number };
  /** Numbers after the row's cells. */
  extra?: { s: number; e: number };
  /** Digits run together that the row's own relation could not settle: every way to read them. */
  readings?: RawCell[][];
}

/**
 * A run of numbers placed in a row's cells (表二/表三's rows and 表四's one row): by the line's tab
 * fields (from the first tab after `fieldsFrom`), else by one-cell lines after `linesFrom`
 * (`skipLead`: other lines before the first cell are passed over, for 表四's header lines); with
 * more numbers than cells, the first ones if the sums say so; with fewer, digits run together
 * split by the sums when that is unique (`splitOnlyGlued`: only when some token holds several
 * digits); else unreadable.
 */
export function placeRun(
  text: string,
  run: Token[],
  spec: RowSpec,
  o: { fieldsFrom: number; linesFrom?: number; skipLead?: boolean; trail: number | undefined; splitOnlyGlued?: boolean },
): Placement {
  const w = spec.width;
  const byFields = cellsFromFields(text, o.fieldsFrom, run, spec, o.trail) ?? (o.linesFrom !== undefined ? cellsFromLines(text, o.linesFrom, run, spec, o.skipLead) : undefined);
  if (byFields) return { cells: byFields };
  const whole = { s: run[0]!.s, e: run[run.length - 1]!.e, found: run.length };
  // more numbers than cells, and the first ones do not add up: which are the cells cannot be told
  if (run.length > w && !firstCellsAddUp(run, spec)) return { cells: new Array(w).fill(undefined), unreadable: whole };
  if (run.length >= w) {
    const cells = run.slice(0, w).map((t, c) => cellOf(t, spec, c));
    return run.length > w ? { cells, extra: { s: run[w]!.s, e: run[run.length - 1]!.e } } : { cells };
  }
  // fewer tokens than cells: digits run together, or blank cells
  const digits = run.every((t) => t.kind === 'num' && /^\d+$/.test(t.text));
  if (digits && (!o.splitOnlyGlued || run.some((t) => t.text.length > 1))) {
    // every cutting of the digits into the row's cells (a space always ends a cell), each cell with its own range;
    // a run too long to list whole: only the readings its relations allow, found cell by cell
    const readings = segmentations(run, w) ?? (spec.broken ? fewestBrokenReadings(run, w, spec.broken) : undefined);
    const consistent = (list: RawCell[][]) => (spec.accepts ? list.filter((r) => spec.accepts!(r.map((c) => c.value ?? NaN))) : list);
    const ok = readings ? consistent(readings) : [];
    if (ok.length === 1) return { cells: ok[0]! };
    if (!ok.length && run.length > 1) {
      // a number broken by a space (PDF text wraps inside a cell: `34000003 4`): the spaces need not end a cell
      const soft = consistent(segmentations([joined(run)], w) ?? []).map((r) => r.map((c) => remap(c, run)));
      if (soft.length === 1) return { cells: soft[0]! };
    }
    // several or none: the table's relations (solve.ts) decide, or the readings are listed; only
    // where the digits certainly ran together (one run, or a number written with a leading 0):
    // with spaces between the numbers, one missing is more likely a blank cell than a cut to find
    const runTogether = run.length === 1 || run.some((t) => t.text.length > 1 && t.text[0] === '0');
    if (readings?.length && runTogether) return { cells: new Array(w).fill(undefined), unreadable: whole, readings };
  }
  // which cell is blank (or which digits belong together) cannot be told: no value is placed
  return { cells: new Array(w).fill(undefined), unreadable: whole };
}

/** The run's digits as one token (spaces dropped), for readings in which a number may span a space. */
function joined(run: Token[]): Token {
  return { kind: 'num', text: run.map((t) => t.text).join(''), s: run[0]!.s, e: run[run.length - 1]!.e };
}

/** A cell of the joined token back at its digits in the text (its range may span the space). */
function remap(c: RawCell, run: Token[]): RawCell {
  const at = (k: number, end: boolean) => {
    // the k-th digit of the run (end: the one before it, plus one)
    let n = end ? k - 1 : k;
    for (const t of run) {
      if (n < t.text.length) return t.s + n + (end ? 1 : 0);
      n -= t.text.length;
    }
    return run[run.length - 1]!.e;
  };
  const base = run[0]!.s;
  return { ...c, s: at(c.s - base, false), e: at(c.e - base, true), recovered: true };
}

/** The tab fields of the line a row's label ends on, from the first tab after `from`; undefined when the run is not all there. */
function lineFields(text: string, from: number, run: Token[]): { fields: { s: number; e: number }[] } | undefined {
  const line = fieldLine(text, from, run);
  if (!line) return undefined;
  const fields: { s: number; e: number }[] = [];
  let p = line.firstTab + 1;
  while (p <= line.lineEnd) {
    let q = text.indexOf('\t', p);
    if (q < 0 || q > line.lineEnd) q = line.lineEnd;
    fields.push({ s: p, e: q });
    p = q + 1;
  }
  return { fields };
}

/** Where lineFields' fields start (the tab before the first) and end, or undefined when the run is not all on the line after that tab. */
function fieldLine(text: string, from: number, run: Token[]): { firstTab: number; lineEnd: number } | undefined {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  let lineEnd = text.indexOf('\n', from);
  if (lineEnd < 0) lineEnd = text.length;
  if (run[run.length - 1]!.e > lineEnd || run[0]!.s < lineStart) return undefined;
  // from a line start (表四's row) the first field starts there; after a label, at the next tab (on this line)
  let firstTab = from - 1;
  if (from !== lineStart) {
    firstTab = from;
    while (firstTab < lineEnd && text.charCodeAt(firstTab) !== 9) firstTab++;
  }
  if (firstTab >= lineEnd || firstTab > run[0]!.s) return undefined;
  return { firstTab, lineEnd };
}

/**
 * On a tab-separated line (tabs, pipes, HTML cells), blank cells are empty fields. Read the fields
 * after `from` (a row's label end, or 表四's line start) on its line, right-aligned to the row's
 * width (merged label columns come first) or left-aligned (表二: span fillers come last).
 * Two numbers in one field are one cell written with a space (`2 05`): invalid, not two cells.
 */
function cellsFromFields(text: string, from: number, run: Token[], spec: RowSpec, trail: number | undefined): (RawCell | undefined)[] | undefined {
  const lf = lineFields(text, from, run);
  if (!lf) return undefined;
  const fields = lf.fields;
  const isEmpty = (f: { s: number; e: number }) => text.slice(f.s, f.e).trim() === '';
  const left = spec.align === 'left';
  if (!left) {
    if (trail === undefined) while (fields.length && isEmpty(fields[fields.length - 1]!)) fields.pop();
    else {
      // the layout's own trailing fields only: an empty field before them is a blank last cell
      for (let k = 0; k < trail; k++) {
        if (!fields.length || !isEmpty(fields[fields.length - 1]!)) return undefined;
        fields.pop();
      }
    }
  }
  if (fields.length < spec.width) return undefined;
  const take = left ? fields.slice(0, spec.width) : fields.slice(fields.length - spec.width);
  let r = 0;
  const cells: (RawCell | undefined)[] = [];
  for (let c = 0; c < take.length; c++) {
    const f = take[c]!;
    if (isEmpty(f)) {
      cells.push({ kind: 'blank', raw: '', s: f.s, e: f.s, value: null });
      continue;
    }
    const first = run[r];
    if (!first || first.s < f.s || first.e > f.e) return undefined;
    let last = first;
    while (r + 1 < run.length && run[r + 1]!.e <= f.e) last = run[++r]!;
    r++;
    if (last === first) cells.push(cellOf(first, spec, c));
    else cells.push(spacedCell(text, first, last));
  }
  return r === run.length ? cells : undefined;
}

/** One cell holding several numbers with spaces between them (`2 05`): what was meant cannot be told. */
function spacedCell(text: string, first: Token, last: Token): RawCell {
  return { kind: 'invalid', raw: text.slice(first.s, last.e), s: first.s, e: last.e, value: null, spaced: true };
}

/** A line's shape with its cell text taken out: the tabs and pipes around it (spaces dropped). */
function shapeOf(line: string, cell?: { s: number; e: number }, lineStart = 0): string {
  const t = cell ? line.slice(0, cell.s - lineStart) + line.slice(cell.e - lineStart) : line;
  return t.replace(/ /g, '');
}

/**
 * One cell per line (`1288 |`, `\t1288`): a blank cell is a line of the cells' own shape with
 * nothing in it (`  |`, `\t `). Read the lines after `from`'s line; undefined unless every line
 * up to the row's width is one number or one such empty cell (`skipLead`: other lines before the
 * first cell are passed over, for 表四, whose header lines come first).
 */
function cellsFromLines(text: string, from: number, run: Token[], spec: RowSpec, skipLead = false): (RawCell | undefined)[] | undefined {
  let p = text.indexOf('\n', from);
  if (p < 0 || p > run[0]!.s || (!skipLead && text.slice(from, p).trim())) return undefined;
  const lineOf = (k: number) => {
    const s = text.lastIndexOf('\n', k - 1) + 1;
    let e = text.indexOf('\n', k);
    if (e < 0) e = text.length;
    return { s, e };
  };
  // the numbers by line: one cell a line (two numbers on a line are one cell written `2 05`),
  // all lines of one shape with a tab in it
  const groups: Token[][] = [];
  let shape: string | undefined;
  for (const t of run) {
    const g = groups[groups.length - 1];
    if (g && t.s < lineOf(g[0]!.s).e) g.push(t);
    else groups.push([t]);
  }
  for (const g of groups) {
    const l = lineOf(g[0]!.s);
    const sh = shapeOf(text.slice(l.s, l.e), { s: g[0]!.s, e: g[g.length - 1]!.e }, l.s);
    if (shape === undefined) shape = sh;
    if (sh !== shape || !sh.includes('\t')) return undefined;
  }
  const cells: (RawCell | undefined)[] = [];
  let r = 0;
  p++;
  while (cells.length < spec.width && p <= text.length) {
    const l = lineOf(p);
    const g = groups[r];
    if (g && g[0]!.s >= l.s && g[0]!.e <= l.e) {
      const first = g[0]!;
      const last = g[g.length - 1]!;
      cells.push(g.length === 1 ? cellOf(first, spec, cells.length) : spacedCell(text, first, last));
      r++;
    } else if (shapeOf(text.slice(l.s, l.e)) === shape) {
      const at = text.indexOf('\t', l.s);
      // where the value goes: after a leading tab, else at the line start
      const s = at === l.s ? at + 1 : l.s;
      cells.push({ kind: 'blank', raw: '', s, e: s, value: null });
    } else if (!(skipLead && !cells.length)) return undefined;
    p = l.e + 1;
  }
  return r === groups.length && cells.length === spec.width ? cells : undefined;
}

/** Blank cells for a row whose label stands alone: positions of empty tab fields, if any. */
function blankCells(text: string, labelE: number, width: number, align: 'left' | 'right'): (RawCell | undefined)[] {
  let lineEnd = text.indexOf('\n', labelE);
  if (lineEnd < 0) lineEnd = text.length;
  const tabs: number[] = [];
  for (let p = labelE; p < lineEnd; p++) if (text.charCodeAt(p) === 9) tabs.push(p);
  const cells: (RawCell | undefined)[] = [];
  for (let c = 0; c < width; c++) {
    const tab = tabs.length >= width ? tabs[align === 'left' ? c : tabs.length - width + c] : undefined;
    cells.push(tab === undefined ? undefined : { kind: 'blank', raw: '', s: tab + 1, e: tab + 1, value: null });
  }
  return cells;
}
