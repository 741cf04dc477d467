/**
 * The three statistics tables, read from a region of the normalised text with the row matcher
 * and turned into the model (with source ranges).
 */
import type { Cell, Label, PublicityTable, RequestsTable, ReviewLitigationTable, TableRow, Range } from '../model';
import type { FormatTemplate } from '../format/template';
import { alignAnywhere, alignAtEnd, allowedEdits, canonConst } from './labels';
import { canonOf, tokenize, type Token } from './tokens';
import { matchRows, splitDigits, type FoundRow, type RawCell, type RowSpec } from './rows';
import { sourceSlice, toSource, type Normalized } from './normalize';
import { findGroupLabels, findHeaderLabels, headerTokens, table3HeaderSpecs, table4HeaderSpecs } from './headers';

export interface Region {
  s: number;
  e: number;
}

function toCell(nz: Normalized, c: RawCell | undefined): Cell | undefined {
  if (!c) return undefined;
  const cell: Cell = { raw: c.raw, range: toSource(nz, c.s, c.e), value: c.value, kind: c.kind };
  if (c.recovered) cell.recovered = true;
  return cell;
}

function toRow(nz: Normalized, r: FoundRow): TableRow {
  const range = toSource(nz, r.labelS, r.labelE);
  return {
    key: r.spec.key,
    label: { text: sourceSlice(nz, r.labelS, r.labelE), range, standard: r.spec.label, exact: r.exact },
    cells: r.cells.map((c) => toCell(nz, c)),
  };
}

function regionRange(nz: Normalized, tokens: Token[]): Range {
  if (!tokens.length) return { start: 0, end: 0 };
  return toSource(nz, tokens[0]!.s, tokens[tokens.length - 1]!.e);
}

/** Column labels: each standard label found exactly, or as a near miss (a typo) in the region's label text. */
function findColumnLabels(nz: Normalized, tokens: Token[], labels: string[]): Label[] {
  const textTokens = tokens.filter((t) => t.kind === 'text');
  const buf = canonOf(textTokens);
  const out: Label[] = [];
  for (const label of new Set(labels)) {
    const L = canonConst(label);
    const at = buf.text.indexOf(L);
    if (at >= 0) {
      const s = buf.at[at]!;
      const e = buf.at[at + L.length - 1]! + 1;
      out.push({ text: sourceSlice(nz, s, e), range: toSource(nz, s, e), standard: label, exact: true });
      continue;
    }
    if (L.length < 4 || buf.text.length > 4000 || !mayMatchWithin(L, buf.text, allowedEdits(L.length))) continue;
    const a = alignAnywhere(L, buf.text);
    // a substitution at the end costs what a deletion does: take the rest of the cell too, not a label cut short (本年废止件量)
    let tokenEnd = a.end;
    while (tokenEnd < buf.text.length && tokenEnd - a.end < 3 && buf.at[tokenEnd] === buf.at[tokenEnd - 1]! + 1) tokenEnd++;
    if (tokenEnd > a.end && tokenEnd - a.end <= 2 && (tokenEnd === buf.text.length || buf.at[tokenEnd] !== buf.at[tokenEnd - 1]! + 1)) {
      const from = Math.max(0, tokenEnd - L.length - allowedEdits(L.length) - 1);
      const b = alignAtEnd(L, buf.text.slice(from, tokenEnd));
      if (b.cost <= a.cost) Object.assign(a, { start: from + b.start, end: tokenEnd, cost: b.cost });
    }
    if (a.cost > 0 && a.cost <= allowedEdits(L.length) && a.end > a.start) {
      const written = buf.text.slice(a.start, a.end);
      // a near miss must look like the label, not like a longer label that contains it
      if (Math.abs(written.length - L.length) > 2) continue;
      const s = buf.at[a.start]!;
      const e = buf.at[a.end - 1]! + 1;
      out.push({ text: sourceSlice(nz, s, e), range: toSource(nz, s, e), standard: label, exact: false });
    }
  }
  return out.sort((x, y) => x.range.start - y.range.start);
}

/**
 * False when `label` cannot occur in `text` with at most `k` edits. Cut into k + 1 pieces, a
 * label with k edits keeps at least one piece intact; when no piece occurs, the costly
 * alignment can be skipped without changing its result.
 */
function mayMatchWithin(label: string, text: string, k: number): boolean {
  const size = Math.floor(label.length / (k + 1));
  if (size < 1) return true;
  for (let p = 0; p <= k; p++) {
    const piece = p === k ? label.slice(p * size) : label.slice(p * size, (p + 1) * size);
    if (text.includes(piece)) return true;
  }
  return false;
}

function unreadableMsg(what: string): { zh: string; en: string } {
  return {
    zh: `${what}的数字连在一起或无法对应到单元格，无法可靠读取`,
    en: `the numbers of ${what} run together or cannot be assigned to cells; they cannot be read reliably`,
  };
}

export function parseTable2(nz: Normalized, region: Region, t: FormatTemplate): PublicityTable {
  const tokens = tokenize(nz.text, region.s, region.e);
  const specs: RowSpec[] = [];
  for (const b of t.table2.blocks) {
    for (const r of b.rows) {
      specs.push({
        key: `${b.key}/${r.key}`,
        label: r.label,
        width: b.columns.length,
        align: 'left',
        decimals: b.columns.map(() => b.decimals),
        signed: b.columns.map((c) => !!c.signed),
      });
    }
  }
  const m = matchRows(nz.text, tokens, specs);
  const buf = canonOf(tokens.filter((x) => x.kind === 'text'));
  const blocks = t.table2.blocks.flatMap((b) => {
    const rows = m.rows.filter((r) => r.spec.key.startsWith(b.key + '/'));
    const L = canonConst(b.label);
    const at = buf.text.indexOf(L);
    if (at < 0 && !rows.length) return [];
    const s = at >= 0 ? buf.at[at]! : rows[0]!.labelS;
    const e = at >= 0 ? buf.at[at + L.length - 1]! + 1 : rows[0]!.labelE;
    return [{ key: b.key, label: { text: sourceSlice(nz, s, e), range: toSource(nz, s, e), standard: b.label, exact: at >= 0 }, columns: b.columns.map((c) => c.key), rows: rows.map((r) => toRow(nz, r)) }];
  });
  return {
    range: regionRange(nz, tokens),
    blocks,
    missingBlocks: t.table2.blocks.filter((b) => !blocks.some((x) => x.key === b.key)).map((b) => b.key),
    missingRows: specs.filter((s) => !m.rows.some((r) => r.spec === s)).map((s) => s.key),
    unreadable: [
      ...m.rows.filter((r) => r.unreadable).map((r) => ({ range: toSource(nz, r.unreadable!.s, r.unreadable!.e), reason: unreadableMsg(r.spec.label) })),
      ...m.extras.map((x) => ({ range: toSource(nz, x.s, x.e), reason: unreadableMsg('表二') })),
    ],
    columnLabels: findColumnLabels(nz, tokens, ['信息内容', ...t.table2.blocks.flatMap((b) => b.columns.map((c) => c.label))]),
  };
}

export interface Table3Result {
  table: RequestsTable;
  /** Numbers left after the last row (a 表四 whose heading was lost, say). */
  trailing?: { tokens: Token[] };
}

/** The row group a 2021 report may write as one row, as the 2019 format did (（六）其他处理). */
const COLLAPSIBLE_GROUP = '三.6';

export function parseTable3(nz: Normalized, region: Region, t: FormatTemplate): Table3Result {
  const tokens = tokenize(nz.text, region.s, region.e);
  const width = t.table3.columns.length;
  const rowTotal = (v: number[]) => v.slice(0, width - 1).reduce((a, b) => a + b, 0) === v[width - 1];
  const specs: RowSpec[] = [];
  for (const r of t.table3.rows) {
    // a 2021 report may write （六）其他处理 as one row, as the 2019 format did: accept it
    if (r.key === `${COLLAPSIBLE_GROUP}.1`) {
      const g = t.table3.rowGroups.find((x) => x.key === COLLAPSIBLE_GROUP);
      if (g) specs.push({ key: g.key, label: g.label, width, accepts: rowTotal, collapsedGroupOf: g.key });
    }
    specs.push({ key: r.key, label: r.label, width, accepts: rowTotal });
  }
  const m = matchRows(nz.text, tokens, specs);
  // a collapsed group row and its sub-rows cannot both stand
  const collapsed = m.rows.find((r) => r.spec.collapsedGroupOf);
  const rows = m.rows.filter((r) => !(collapsed && r.spec.key.startsWith(collapsed.spec.key + '.')) || false);
  const templateKeys = t.table3.rows.map((r) => r.key);
  const missing = templateKeys.filter((k) => !rows.some((r) => r.spec.key === k) && !(collapsed && k.startsWith(collapsed.spec.key + '.')));
  let trailing: Table3Result['trailing'];
  const lastRow = m.rows.reduce((mx, r) => Math.max(mx, r.labelE), 0);
  const after = m.orphans.filter((o) => o.s > lastRow);
  if (after.length) trailing = { tokens: after.flatMap((o) => o.tokens) };
  const table: RequestsTable = {
    range: regionRange(nz, tokens),
    rows: rows.map((r) => toRow(nz, r)),
    columns: t.table3.columns.map((c) => c.key),
    missingRows: missing,
    unreadable: [
      ...rows.filter((r) => r.unreadable).map((r) => ({ range: toSource(nz, r.unreadable!.s, r.unreadable!.e), reason: unreadableMsg(r.spec.label) })),
      ...m.extras.map((x) => ({ range: toSource(nz, x.s, x.e), reason: unreadableMsg('表三') })),
      ...m.orphans.filter((o) => o.s < lastRow).map((o) => ({ range: toSource(nz, o.s, o.e), reason: unreadableMsg('表三') })),
    ],
    columnLabels: findHeaderLabels(nz, headerTokens(tokens, table3HeaderEnd(tokens, rows)), table3HeaderSpecs(t)),
    groupLabels: findGroupLabels(nz, tokens, rows.map((r) => ({ key: r.spec.key, labelS: r.labelS })), t),
  };
  return { table, trailing };
}

/** Where 表三's header ends: at its first number or its first row's label. */
function table3HeaderEnd(tokens: Token[], rows: FoundRow[]): number {
  const firstNumber = tokens.find((x) => x.kind !== 'text')?.s ?? Infinity;
  return Math.min(firstNumber, ...rows.map((r) => r.labelS));
}

const T4_HEADER = /行政复议|行政诉讼|结果维持|结果纠正|其他结果|尚未审结|总计|复议后起诉|直接起诉/;

export function parseTable4(nz: Normalized, region: Region | undefined, t: FormatTemplate, fallback?: Token[]): ReviewLitigationTable | undefined {
  const tokens = region ? tokenize(nz.text, region.s, region.e) : [];
  // the first run of numbers after the header labels
  let i = 0;
  let lastHeader = -1;
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k]!;
    if (tk.kind === 'text' && T4_HEADER.test(canonOf([tk]).text)) lastHeader = k;
    if (tk.kind !== 'text' && lastHeader >= 0) break;
  }
  i = lastHeader + 1;
  while (i < tokens.length && tokens[i]!.kind === 'text') i++;
  // the header is the text before the data row
  const headerEnd = i < tokens.length ? tokens[i]!.s : Infinity;
  let run: Token[] = [];
  while (i < tokens.length && tokens[i]!.kind !== 'text') run.push(tokens[i++]!);
  const usedFallback = !run.length && fallback && fallback.length > 0;
  if (usedFallback) run = fallback!;
  if (!run.length && lastHeader < 0) return undefined;
  const width = t.table4.groups.length * t.table4.columns.length;
  const per = t.table4.columns.length;
  const groupsAddUp = (v: number[]) => {
    for (let g = 0; g < t.table4.groups.length; g++) {
      const part = v.slice(g * per, g * per + per - 1).reduce((a, b) => a + b, 0);
      if (part !== v[g * per + per - 1]) return false;
    }
    return true;
  };
  const spec: RowSpec = { key: 'table4', label: '', width, accepts: groupsAddUp };
  const m = matchRowsForRun(nz, run, spec);
  const all = usedFallback ? run : tokens;
  return {
    range: all.length ? regionRange(nz, all) : { start: 0, end: 0 },
    cells: m.cells,
    missingRows: run.length ? [] : ['table4'],
    unreadable: m.unreadable ? [{ range: m.unreadable, reason: unreadableMsg('表四') }] : [],
    columnLabels: findHeaderLabels(nz, headerTokens(tokens, headerEnd), table4HeaderSpecs(t)),
  };
}

function matchRowsForRun(nz: Normalized, run: Token[], spec: RowSpec): { cells: (Cell | undefined)[]; unreadable?: Range } {
  const w = spec.width;
  if (!run.length) return { cells: new Array(w).fill(undefined) };
  const cell = (tk: Token): Cell => {
    const v = Number(tk.text);
    const ok = tk.kind === 'num' && Number.isInteger(v) && v >= 0;
    return { raw: tk.text, range: toSource(nz, tk.s, tk.e), value: ok ? v : null, kind: ok ? 'number' : 'invalid' };
  };
  if (run.length >= w) {
    return {
      cells: run.slice(0, w).map(cell),
      unreadable: run.length > w ? toSource(nz, run[w]!.s, run[run.length - 1]!.e) : undefined,
    };
  }
  const digits = run.every((t) => t.kind === 'num' && /^\d+$/.test(t.text)) ? run.map((t) => t.text).join('') : '';
  const range = toSource(nz, run[0]!.s, run[run.length - 1]!.e);
  if (digits.length >= w) {
    const splits = splitDigits(digits, w, spec.accepts, 2);
    if (splits.length === 1) return { cells: splits[0]!.map((v) => ({ raw: String(v), range, value: v, kind: 'number', recovered: true })) };
    return { cells: new Array(w).fill(undefined), unreadable: range };
  }
  // blank cells on a tab-separated line
  const line = lineAround(nz.text, run[0]!.s);
  if (run[run.length - 1]!.e <= line.e) {
    const fields: { s: number; e: number }[] = [];
    let p = line.s;
    while (p <= line.e) {
      let q = nz.text.indexOf('\t', p);
      if (q < 0 || q > line.e) q = line.e;
      fields.push({ s: p, e: q });
      p = q + 1;
    }
    while (fields.length && !nz.text.slice(fields[fields.length - 1]!.s, fields[fields.length - 1]!.e).trim()) fields.pop();
    while (fields.length && !nz.text.slice(fields[0]!.s, fields[0]!.e).trim() && fields.length > w) fields.shift();
    // as many written fields as tokens (a field like `0x` is text, not a token: then this does not apply)
    if (fields.length === w && fields.filter((f) => nz.text.slice(f.s, f.e).trim()).length === run.length) {
      let r = 0;
      const cells: Cell[] = fields.map((f) => {
        if (!nz.text.slice(f.s, f.e).trim()) return { raw: '', range: toSource(nz, f.s, f.s), value: null, kind: 'blank' };
        return cell(run[r++]!);
      });
      if (r === run.length) return { cells };
    }
  }
  // which cells are empty cannot be told: the missing ones stay undefined
  const cells: (Cell | undefined)[] = run.map(cell);
  while (cells.length < w) cells.push(undefined);
  return { cells };
}

function lineAround(text: string, pos: number): Region {
  const s = text.lastIndexOf('\n', pos - 1) + 1;
  let e = text.indexOf('\n', pos);
  if (e < 0) e = text.length;
  return { s, e };
}
