/**
 * Document symbols (outline, breadcrumbs): title, the six sections with their sub-headings, and the
 * tables. A table's rows are not listed, and a line inside a table that looks like a sub-heading
 * (表三's （一）予以公开 …) is a row, not a heading: the outline is for finding one's way in the prose.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Range, Report } from '../core/index';
import { toLspRange } from './convert';
import type { DocState } from './linter';

interface Node {
  name: string;
  kind: SymbolKind;
  range: Range;
  selection: Range;
  children: Node[];
}

/** A title broken over lines (机关 on one, 年度报告 on the next) is one name. */
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

const contains = (outer: Range, inner: Range) => inner.start >= outer.start && inner.end <= outer.end;

function tableNodes(report: Report): Node[] {
  const out: Node[] = [];
  const table = (name: string, range: Range): Node => ({ name, kind: SymbolKind.Struct, range, selection: range, children: [] });
  if (report.table2) out.push(table('表二 主动公开政府信息情况', report.table2.range));
  if (report.table3) out.push(table('表三 收到和处理政府信息公开申请情况', report.table3.range));
  if (report.table4) out.push(table('表四 政府信息公开行政复议、行政诉讼情况', report.table4.range));
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
  const tables = tableNodes(report);
  const inTable = (r: Range) => tables.some((t) => r.start < t.range.end && r.end > t.range.start);
  const nodes: Node[] = [];
  for (const s of report.sections) {
    const range = { start: s.heading.range.start, end: Math.max(s.heading.range.end, s.body.end) };
    const subs: Node[] = s.subheadings
      .filter((h) => h.level === 2 && !inTable(h.range))
      .map((h) => ({ name: h.text.trim(), kind: SymbolKind.Namespace, range: h.range, selection: h.range, children: [] }));
    nodes.push({ name: s.heading.text.trim() || s.heading.standard, kind: SymbolKind.Module, range, selection: s.heading.range, children: [] });
    nodes.push(...subs);
  }
  nodes.push(...tables);
  const roots = nest(nodes);
  if (report.title) {
    // the title names the whole document
    roots.unshift({ name: oneLine(report.title.text), kind: SymbolKind.File, range: report.title.range, selection: report.title.range, children: [] });
  }
  const toLsp = (n: Node): DocumentSymbol => {
    const range = toLspRange(state.index, n.range);
    const selectionRange = contains(n.range, n.selection) ? toLspRange(state.index, n.selection) : range;
    return { name: n.name || '—', kind: n.kind, range, selectionRange, children: n.children.map(toLsp) };
  };
  return roots.map(toLsp);
}
