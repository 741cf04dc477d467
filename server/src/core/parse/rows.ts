/**
 * The row matcher: walks a table region's tokens and assigns each run of numbers to the
 * template row whose label ends the label text before it. Anchored on the template, not on
 * the layout: tab rows, one cell per line, Markdown pipes, HTML cells and PDF text with labels
 * broken across lines all arrive here as the same token stream.
 */
import { alignAtEnd, allowedEdits, canonConst } from './labels';
import { canonOf, numericValue, type Token } from './tokens';

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
}

export interface RawCell {
  kind: 'number' | 'blank' | 'invalid';
  raw: string;
  s: number;
  e: number;
  value: number | null;
  recovered?: boolean;
}

export interface FoundRow {
  spec: RowSpec;
  labelS: number;
  labelE: number;
  /** The label text as written (normalised text, white space removed). */
  written: string;
  exact: boolean;
  cells: (RawCell | undefined)[];
  /** Numbers could not be assigned to this row's cells. */
  unreadable?: { s: number; e: number };
}

export interface MatchResult {
  rows: FoundRow[];
  /** Runs of numbers that belong to no row: [s, e) and tokens. */
  orphans: { s: number; e: number; tokens: Token[] }[];
  /** Extra numbers after a row's cells. */
  extras: { s: number; e: number }[];
}

const LOOKAHEAD = 10;
const MAX_LABEL_WINDOW = 160;

export function matchRows(text: string, tokens: readonly Token[], specs: readonly RowSpec[]): MatchResult {
  const result: MatchResult = { rows: [], orphans: [], extras: [] };
  const found = new Set<string>();
  const canonLabels = specs.map((s) => canonConst(s.label));
  let pointer = 0;
  let pendingRemainder: { row: FoundRow; rest: string } | undefined;
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
    assignCells(text, row, run, result);
    result.rows.push(row);
    found.add(spec.key);
    pointer = best.idx + 1;
  }
  result.rows.sort((a, b) => specs.indexOf(a.spec) - specs.indexOf(b.spec));
  return result;
}

function cellOf(t: Token, spec: RowSpec, col: number): RawCell {
  if (t.kind === 'num') {
    const v = numericValue(t.text);
    const decimalOk = spec.decimals?.[col] ?? false;
    const signedOk = spec.signed?.[col] ?? false;
    const valid = Number.isFinite(v) && (decimalOk || Number.isInteger(v)) && (signedOk || v >= 0);
    return { kind: valid ? 'number' : 'invalid', raw: t.text, s: t.s, e: t.e, value: valid ? v : null };
  }
  return { kind: 'invalid', raw: t.text, s: t.s, e: t.e, value: null };
}

function assignCells(text: string, row: FoundRow, run: Token[], result: MatchResult) {
  const w = row.spec.width;
  if (run.length >= w) {
    row.cells = run.slice(0, w).map((t, c) => cellOf(t, row.spec, c));
    if (run.length > w) {
      const extra = run.slice(w);
      result.extras.push({ s: extra[0]!.s, e: extra[extra.length - 1]!.e });
    }
    return;
  }
  // fewer tokens than cells: digits run together, or blank cells
  const digits = run.every((t) => t.kind === 'num' && /^\d+$/.test(t.text)) ? run.map((t) => t.text).join('') : '';
  if (digits.length >= w && run.some((t) => t.text.length > 1)) {
    const splits = splitDigits(digits, w, row.spec.accepts, 2);
    if (splits.length === 1) {
      // cells share the run's range: they cannot be told apart in the source
      const s = run[0]!.s;
      const e = run[run.length - 1]!.e;
      row.cells = splits[0]!.map((v) => ({ kind: 'number', raw: String(v), s, e, value: v, recovered: true }));
      return;
    }
    row.unreadable = { s: run[0]!.s, e: run[run.length - 1]!.e };
    row.cells = new Array(w).fill(undefined);
    return;
  }
  const byFields = cellsFromFields(text, row, run);
  if (byFields) {
    row.cells = byFields;
    return;
  }
  // which cells are empty cannot be told: the missing ones stay undefined (no position to point at)
  const cells: (RawCell | undefined)[] = run.map((t, c) => cellOf(t, row.spec, c));
  while (cells.length < w) cells.push(undefined);
  row.cells = cells;
}

/**
 * On a tab-separated line, blank cells are empty fields. Read the fields after the label on
 * the row's line, right-aligned to the row's width (merged label columns come first).
 */
function cellsFromFields(text: string, row: FoundRow, run: Token[]): (RawCell | undefined)[] | undefined {
  const lineStart = text.lastIndexOf('\n', row.labelE - 1) + 1;
  let lineEnd = text.indexOf('\n', row.labelE);
  if (lineEnd < 0) lineEnd = text.length;
  if (run[run.length - 1]!.e > lineEnd || run[0]!.s < lineStart) return undefined;
  const fields: { s: number; e: number }[] = [];
  let p = row.labelE;
  // skip to the first tab after the label
  const firstTab = text.indexOf('\t', p);
  if (firstTab < 0 || firstTab >= lineEnd) return undefined;
  p = firstTab + 1;
  while (p <= lineEnd) {
    let q = text.indexOf('\t', p);
    if (q < 0 || q > lineEnd) q = lineEnd;
    fields.push({ s: p, e: q });
    p = q + 1;
  }
  const isEmpty = (f: { s: number; e: number }) => text.slice(f.s, f.e).trim() === '';
  const left = row.spec.align === 'left';
  if (!left) while (fields.length && isEmpty(fields[fields.length - 1]!)) fields.pop();
  if (fields.length < row.spec.width) return undefined;
  const take = left ? fields.slice(0, row.spec.width) : fields.slice(fields.length - row.spec.width);
  let r = 0;
  const cells: (RawCell | undefined)[] = [];
  for (let c = 0; c < take.length; c++) {
    const f = take[c]!;
    if (isEmpty(f)) {
      cells.push({ kind: 'blank', raw: '', s: f.s, e: f.s, value: null });
      continue;
    }
    const t = run[r];
    if (!t || t.s < f.s || t.e > f.e) return undefined;
    cells.push(cellOf(t, row.spec, c));
    r++;
  }
  return r === run.length ? cells : undefined;
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

/**
 * All ways to cut a digit string into `parts` numbers without leading zeros that `accepts`
 * allows; stops after `limit` (we only need to know whether the answer is unique).
 */
export function splitDigits(digits: string, parts: number, accepts: ((v: number[]) => boolean) | undefined, limit: number): number[][] {
  const out: number[][] = [];
  if (!accepts || digits.length > 60) return out;
  const cur: number[] = [];
  let budget = 200000;
  const rec = (pos: number) => {
    if (out.length >= limit || --budget < 0) return;
    const left = parts - cur.length;
    if (left === 0) {
      if (pos === digits.length && accepts(cur)) out.push([...cur]);
      return;
    }
    const remaining = digits.length - pos;
    if (remaining < left) return;
    const maxLen = remaining - (left - 1);
    for (let len = 1; len <= Math.min(maxLen, 9); len++) {
      if (len > 1 && digits[pos] === '0') break;
      cur.push(Number(digits.slice(pos, pos + len)));
      rec(pos + len);
      cur.pop();
    }
  };
  rec(0);
  return budget < 0 ? [] : out;
}
