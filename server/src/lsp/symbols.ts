/** Document symbols (outline, breadcrumbs): title, the six sections with their sub-headings, the tables and their rows. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Range, Report, TableRow } from '../core/index';
import { toLspRange } from './convert';
import type { DocState } from './linter';

interface Node {
  name: string;
  kind: SymbolKind;
  range: Range;
  selection: Range;
  children: Node[];
}

const contains = (outer: Range, inner: Range) => inner.start >= outer.start && inner.end <= outer.end;

function rowRange(row: TableRow): Range {
  let end = row.label.range.end;
  for (const c of row.cells) if (c && c.range.end > end) end = c.range.end;
  return { start: row.label.range.start, end };
}

function tableNodes(report: Report): Node[] {
  const out: Node[] = [];
  const rowNode = (r: TableRow): Node => ({ name: r.label.standard, kind: SymbolKind.Field, range: rowRange(r), selection: r.label.range, children: [] });
  if (report.table2) {
    const blocks = report.table2.blocks.map((b) => {
      const rows = b.rows.map(rowNode);
      const end = Math.max(b.label.range.end, ...rows.map((r) => r.range.end));
      return { name: b.label.standard, kind: SymbolKind.Struct, range: { start: b.label.range.start, end }, selection: b.label.range, children: rows };
    });
    out.push({ name: '表二 主动公开政府信息情况', kind: SymbolKind.Struct, range: report.table2.range, selection: report.table2.range, children: blocks });
  }
  if (report.table3) {
    out.push({ name: '表三 收到和处理政府信息公开申请情况', kind: SymbolKind.Struct, range: report.table3.range, selection: report.table3.range, children: report.table3.rows.map(rowNode) });
  }
  if (report.table4) {
    out.push({ name: '表四 政府信息公开行政复议、行政诉讼情况', kind: SymbolKind.Struct, range: report.table4.range, selection: report.table4.range, children: [] });
  }
  return out;
}

/** Put each node under the last earlier node that contains it; widen parents so children always fit. */
function nest(nodes: Node[]): Node[] {
  const roots: Node[] = [];
  for (const n of nodes.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end)) {
    const parent = roots.length ? roots[roots.length - 1] : undefined;
    if (parent && contains(parent.range, n.range)) place(parent, n);
    else roots.push(n);
  }
  return roots;
}

function place(parent: Node, n: Node): void {
  const last = parent.children[parent.children.length - 1];
  if (last && contains(last.range, n.range)) place(last, n);
  else parent.children.push(n);
}

export function documentSymbols(state: DocState): DocumentSymbol[] {
  const report = state.result?.report;
  if (!report) return [];
  const nodes: Node[] = [];
  for (const s of report.sections) {
    const range = { start: s.heading.range.start, end: Math.max(s.heading.range.end, s.body.end) };
    const subs: Node[] = s.subheadings
      .filter((h) => h.level === 2)
      .map((h) => ({ name: h.text.trim(), kind: SymbolKind.Namespace, range: h.range, selection: h.range, children: [] }));
    nodes.push({ name: s.heading.text.trim() || s.heading.standard, kind: SymbolKind.Module, range, selection: s.heading.range, children: [] });
    nodes.push(...subs);
  }
  nodes.push(...tableNodes(report));
  const roots = nest(nodes);
  if (report.title) {
    // the title names the whole document
    roots.unshift({ name: report.title.text.trim(), kind: SymbolKind.File, range: report.title.range, selection: report.title.range, children: [] });
  }
  const toLsp = (n: Node): DocumentSymbol => {
    const range = toLspRange(state.index, n.range);
    const selectionRange = contains(n.range, n.selection) ? toLspRange(state.index, n.selection) : range;
    return { name: n.name || '—', kind: n.kind, range, selectionRange, children: n.children.map(toLsp) };
  };
  return roots.map(toLsp);
}
