/**
 * The three statistics tables, read from a region of the normalised text with the row matcher
 * and turned into the model (with source ranges).
 */
import type { Ambiguity, Cell, Label, PublicityTable, RequestsTable, ReviewLitigationTable, TableRow, Range, Unreadable } from '../model';
import { solveTable } from './solve';
import type { FormatTemplate } from '../format/template';
import { alignAnywhere, alignAtEnd, allowedEdits, canon, canonConst } from './labels';
import { canonOf, tokenize, type Token } from './tokens';
import { cellOf, matchRows, placeRun, type FoundRow, type RawCell, type RowSpec } from './rows';
import { sourceSlice, toSource, type Normalized } from './normalize';
import { findGroupLabels, findHeaderLabels, headerTokens, table3HeaderSpecs, table4HeaderSpecs } from './headers';

export interface Region {
  s: number;
  e: number;
}

function toCell(nz: Normalized, c: RawCell | undefined): Cell | undefined {
  if (!c) return undefined;
  // a blank cell sits right after its tab: the end of what stands for that tab (`<td>` in HTML)
  const blankAt = c.kind === 'blank' && c.s > 0 && nz.text.charCodeAt(c.s - 1) === 9 ? toSource(nz, c.s - 1, c.s).end : -1;
  const range = blankAt >= 0 ? { start: blankAt, end: blankAt } : toSource(nz, c.s, c.e);
  const cell: Cell = { raw: c.raw, range, value: c.value, kind: c.kind };
  if (c.recovered) cell.recovered = true;
  if (c.unit) cell.unit = { text: c.unit.text, range: toSource(nz, c.unit.s, c.unit.e) };
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

/** Column labels: each standard label found exactly, or as a near miss (a typo) in the region's label text (`buf`: canonOf its text tokens). */
function findColumnLabels(nz: Normalized, buf: { text: string; at: number[] }, labels: string[]): Label[] {
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

/** Cells written as numbers with a space between them (`2 05`): unreadable, named by row and column. */
function spacedCells(nz: Normalized, rows: FoundRow[], columns: (r: FoundRow) => string[]): Unreadable[] {
  const out: Unreadable[] = [];
  for (const r of rows) {
    r.cells.forEach((c, i) => {
      if (!c?.spaced) return;
      const where = `${r.spec.label}·${columns(r)[i] ?? i + 1}`;
      out.push({ range: toSource(nz, c.s, c.e), reason: spacedMsg(where, c.raw) });
    });
  }
  return out;
}

function spacedMsg(where: string, raw: string): { zh: string; en: string } {
  return { zh: `${where}“${raw}”中间有空格，无法确定数值`, en: `${where} “${raw}” has a space inside; its value cannot be told` };
}

function unreadableMsg(what: string, found?: number, width?: number): { zh: string; en: string } {
  if (found !== undefined && width !== undefined && found > width) {
    return {
      zh: `${what}有 ${found} 个数值，多于 ${width} 个单元格，且前 ${width} 个不符合勾稽关系：无法确定各数值对应的单元格`,
      en: `${what} has ${found} values for ${width} cells, and the first ${width} do not add up: which value belongs to which cell cannot be told`,
    };
  }
  if (found !== undefined && width !== undefined && found > 1 && found < width) {
    return {
      zh: `${what}只有 ${found} 个数值，应有 ${width} 个：有空白单元格或数字连在一起，无法确定各数值对应的单元格（空白单元格应填 0）`,
      en: `${what} has ${found} values where ${width} are required: a blank cell or digits run together; which value belongs to which cell cannot be told (fill blank cells with 0)`,
    };
  }
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
  // 表二 has no relation inside it: digits run together with several readings are listed
  const ambiguous: Ambiguity[] = [];
  for (const r of m.rows) {
    if (!r.unreadable || !r.readings || r.readings.length > MAX_LISTED) continue;
    ambiguous.push(ambiguityOf(nz, r, r.readings.map((x) => x.map((c) => c.value ?? NaN))));
    delete r.unreadable;
  }
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
    ...(ambiguous.length ? { ambiguous } : {}),
    blocks,
    missingBlocks: t.table2.blocks.filter((b) => !blocks.some((x) => x.key === b.key)).map((b) => b.key),
    missingRows: specs.filter((s) => !m.rows.some((r) => r.spec === s)).map((s) => s.key),
    unreadable: [
      ...m.rows.filter((r) => r.unreadable).map((r) => ({ range: toSource(nz, r.unreadable!.s, r.unreadable!.e), reason: unreadableMsg(r.spec.label, r.unreadable!.found, r.spec.width) })),
      ...m.extras.map((x) => ({ range: toSource(nz, x.s, x.e), reason: unreadableMsg(x.row) })),
      ...spacedCells(nz, m.rows, (r) => t.table2.blocks.find((b) => r.spec.key.startsWith(b.key + '/'))?.columns.map((c) => c.label) ?? []),
    ],
    columnLabels: findColumnLabels(nz, buf, ['信息内容', ...t.table2.blocks.flatMap((b) => b.columns.map((c) => c.label))]),
  };
}

export interface Table3Result {
  table: RequestsTable;
  /** Numbers left after the last row (a 表四 whose heading was lost, say). */
  trailing?: { tokens: Token[] };
  /** Empty tab fields after a row's last cell in this layout (see MatchResult.trail), for 表四. */
  trail?: number;
}

/** The row group a 2021 report may write as one row, as the 2019 format did (（六）其他处理). */
const COLLAPSIBLE_GROUP = '三.6';

export function parseTable3(nz: Normalized, region: Region, t: FormatTemplate): Table3Result {
  const tokens = tokenize(nz.text, region.s, region.e);
  const width = t.table3.columns.length;
  const rowTotal = (v: number[]) => v.slice(0, width - 1).reduce((a, b) => a + b, 0) === v[width - 1];
  const rowBroken = (v: number[]) => (v.length < width || rowTotal(v) ? 0 : 1);
  const specs: RowSpec[] = [];
  for (const r of t.table3.rows) {
    // a 2021 report may write （六）其他处理 as one row, as the 2019 format did: accept it
    if (r.key === `${COLLAPSIBLE_GROUP}.1`) {
      const g = t.table3.rowGroups.find((x) => x.key === COLLAPSIBLE_GROUP);
      if (g) specs.push({ key: g.key, label: g.label, width, accepts: rowTotal, broken: rowBroken, collapsedGroupOf: g.key });
    }
    specs.push({ key: r.key, label: r.label, width, accepts: rowTotal, broken: rowBroken });
  }
  const m = matchRows(nz.text, tokens, specs);
  // a collapsed group row and its sub-rows cannot both stand
  const collapsed = m.rows.find((r) => r.spec.collapsedGroupOf);
  const rows = m.rows.filter((r) => !(collapsed && r.spec.key.startsWith(collapsed.spec.key + '.')) || false);
  const ambiguous = settle(nz, t, 't3', rows);
  const itemsUnder = collapsed ? m.rows.filter((r) => r.spec.key.startsWith(collapsed.spec.key + '.')).map((r) => r.spec.key) : [];
  const templateKeys = t.table3.rows.map((r) => r.key);
  const missing = templateKeys.filter((k) => !rows.some((r) => r.spec.key === k) && !(collapsed && k.startsWith(collapsed.spec.key + '.')));
  let trailing: Table3Result['trailing'];
  const lastRow = m.rows.reduce((mx, r) => Math.max(mx, r.labelE), 0);
  const after = m.orphans.filter((o) => o.s > lastRow);
  if (after.length) trailing = { tokens: after.flatMap((o) => o.tokens) };
  const table: RequestsTable = {
    range: regionRange(nz, tokens),
    ...(ambiguous.length ? { ambiguous } : {}),
    rows: rows.map((r) => toRow(nz, r)),
    columns: t.table3.columns.map((c) => c.key),
    missingRows: missing,
    unreadable: [
      ...rows.filter((r) => r.unreadable).map((r) => ({ range: toSource(nz, r.unreadable!.s, r.unreadable!.e), reason: unreadableMsg(r.spec.label, r.unreadable!.found, r.spec.width) })),
      ...m.extras.map((x) => ({ range: toSource(nz, x.s, x.e), reason: unreadableMsg(x.row) })),
      ...spacedCells(nz, rows, () => t.table3.columns.map((c) => c.label)),
      ...m.orphans.filter((o) => o.s < lastRow).map((o) => ({ range: toSource(nz, o.s, o.e), reason: unreadableMsg('表三') })),
    ],
    columnLabels: findHeaderLabels(nz, headerTokens(tokens, table3HeaderEnd(tokens, rows)), table3HeaderSpecs(t)),
    groupLabels: findGroupLabels(nz, tokens, rows, t, m.labelTexts),
  };
  if (itemsUnder.length) table.itemsUnderGroup = itemsUnder;
  return { table, trailing, trail: m.trail };
}

/** Readings listed in one message at most; a row with more is unreadable. */
const MAX_LISTED = 12;

function ambiguityOf(nz: Normalized, r: FoundRow, readings: number[][]): Ambiguity {
  const name = r.spec.label || '表四';
  return { range: toSource(nz, r.unreadable!.s, r.unreadable!.e), where: { zh: name, en: name }, readings };
}

/**
 * Rows whose digits ran together and that their own relation could not settle, read by the
 * relations of the whole table (solve.ts): one consistent reading (or, with none, a unique one
 * with the fewest broken relations) is read; several leave the rows' cells empty and are
 * returned as ambiguities; otherwise the rows stay unreadable.
 */
function settle(nz: Normalized, t: FormatTemplate, table: 't3' | 't4', rows: FoundRow[]): Ambiguity[] {
  const open = rows.filter((r) => r.unreadable && r.readings);
  if (!open.length) return [];
  const out = solveTable(
    t,
    table,
    rows.map((r) => (r.unreadable && r.readings ? { key: r.spec.key, readings: r.readings } : { key: r.spec.key, values: r.cells.map((c) => c?.value ?? undefined) })),
  );
  if (out.kind === 'one') {
    for (const r of open) {
      r.cells = r.readings![out.choice.get(r.spec.key)!]!;
      delete r.unreadable;
    }
    return [];
  }
  if (out.kind === 'none') return [];
  const amb: Ambiguity[] = [];
  for (const r of open) {
    const list = out.rows.get(r.spec.key) ?? [];
    if (list.length === 1) {
      // every consistent reading agrees on this row
      const v = list[0]!.join(',');
      r.cells = r.readings!.find((x) => x.map((c) => c.value).join(',') === v)!;
      delete r.unreadable;
      continue;
    }
    if (list.length > MAX_LISTED) continue;
    amb.push(ambiguityOf(nz, r, list));
    delete r.unreadable;
  }
  return amb;
}

/** Where 表三's header ends: at its first number or its first row's label. */
function table3HeaderEnd(tokens: Token[], rows: FoundRow[]): number {
  const firstNumber = tokens.find((x) => x.kind !== 'text')?.s ?? Infinity;
  return Math.min(firstNumber, ...rows.map((r) => r.labelS));
}

const T4_HEADER = /行政复议|行政诉讼|结果维持|结果纠正|其他结果|尚未审结|总计|复议后起诉|直接起诉/;

export function parseTable4(nz: Normalized, region: Region | undefined, t: FormatTemplate, fallback?: Token[], trail?: number): ReviewLitigationTable | undefined {
  const tokens = region ? tokenize(nz.text, region.s, region.e) : [];
  // the first run of numbers after the header labels
  let i = 0;
  let lastHeader = -1;
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k]!;
    if (tk.kind === 'text' && T4_HEADER.test(canon(tk.text))) lastHeader = k;
    if (tk.kind !== 'text' && lastHeader >= 0) break;
  }
  i = lastHeader + 1;
  while (i < tokens.length && tokens[i]!.kind === 'text') i++;
  // the header is the text before the data row
  const headerEnd = i < tokens.length ? tokens[i]!.s : Infinity;
  let run: Token[] = [];
  // where the header's last label ends: one cell per line, the blank cells' lines come after it
  const lastLabelEnd = i > 0 ? tokens[i - 1]!.e : undefined;
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
  // each group's total checked once its five cells are read
  const groupsBroken = (v: number[]) => {
    let n = 0;
    for (let g = 0; (g + 1) * per <= v.length; g++) if (v.slice(g * per, g * per + per - 1).reduce((a, b) => a + b, 0) !== v[g * per + per - 1]) n++;
    return n;
  };
  const spec: RowSpec = { key: 'table4', label: '', width, accepts: groupsAddUp, broken: groupsBroken };
  // cell names only for a message (a cell written `2 05`): made when one is needed
  const names = () => t.table4.groups.flatMap((g) => t.table4.columns.map((c) => `${g.label}·${c.label}`));
  const m = matchRowsForRun(nz, t, run, spec, trail, usedFallback ? undefined : lastLabelEnd, names);
  const all = usedFallback ? run : tokens;
  return {
    range: all.length ? regionRange(nz, all) : { start: 0, end: 0 },
    ...(m.ambiguous ? { ambiguous: m.ambiguous } : {}),
    cells: m.cells,
    missingRows: run.length ? [] : ['table4'],
    unreadable: m.unreadable ? [m.unreadable] : [],
    columnLabels: findHeaderLabels(nz, headerTokens(tokens, headerEnd), table4HeaderSpecs(t)),
  };
}

function matchRowsForRun(nz: Normalized, t: FormatTemplate, run: Token[], spec: RowSpec, trail: number | undefined, headerEnd: number | undefined, names: () => string[]): { cells: (Cell | undefined)[]; unreadable?: Unreadable; ambiguous?: Ambiguity[] } {
  const w = spec.width;
  if (!run.length) return { cells: new Array(w).fill(undefined) };
  if (run.length === w) return { cells: run.map((tk, c) => toCell(nz, cellOf(tk, spec, c))) };
  // on a tab-separated line the fields say which cell is blank (or written `2 05`)
  const line = lineAround(nz.text, run[0]!.s);
  const placed = placeRun(nz.text, run, spec, { fieldsFrom: line.s, linesFrom: headerEnd, skipLead: true, trail });
  if (placed.unreadable && placed.readings) {
    // digits run together: the three group totals choose the reading
    const row: FoundRow = { spec, labelS: placed.unreadable.s, labelE: placed.unreadable.s, written: '', exact: true, cells: placed.cells, unreadable: placed.unreadable, readings: placed.readings };
    const ambiguous = settle(nz, t, 't4', [row]);
    if (!row.unreadable) return { cells: row.cells.map((c) => toCell(nz, c)), ...(ambiguous.length ? { ambiguous } : {}) };
  }
  const cells = placed.cells.map((c) => toCell(nz, c));
  const at = placed.cells.findIndex((c) => c?.spaced);
  const spaced = placed.cells[at];
  if (spaced) return { cells, unreadable: { range: toSource(nz, spaced.s, spaced.e), reason: spacedMsg(names()[at] ?? '表四', spaced.raw) } };
  if (placed.extra) return { cells, unreadable: { range: toSource(nz, placed.extra.s, placed.extra.e), reason: unreadableMsg('表四') } };
  const u = placed.unreadable;
  return u ? { cells, unreadable: { range: toSource(nz, u.s, u.e), reason: unreadableMsg('表四', u.found, w) } } : { cells };
}

function lineAround(text: string, pos: number): Region {
  const s = text.lastIndexOf('\n', pos - 1) + 1;
  let e = text.indexOf('\n', pos);
  if (e < 0) e = text.length;
  return { s, e };
}
