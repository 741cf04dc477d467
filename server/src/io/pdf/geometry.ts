/**
 * A PDF page's positioned text and ruling lines → report text, the way pdfplumber reads tables,
 * in plain steps that can each be stopped at and looked at:
 *
 *   chars (glyphs with boxes) ──────────────────────────────┐
 *   segments (stroked lines, thin filled rectangles)         │
 *     → edges (snapped to a common x or y, touching ones joined)
 *     → intersections (where a vertical and a horizontal edge cross)
 *     → cells (smallest rectangles whose four sides are drawn)
 *     → tables (cells sharing corners), rows (cells by their top)
 *     → cell text (the chars inside: wrapped lines joined)  ─┘
 *   → page text: prose lines and table rows (tab-separated cells) in reading order.
 *
 * Coordinates are points, top-down (y grows downwards), as on the page as seen.
 * Pure functions over plain data: no PDF.js here (pdf/read.ts gathers the input).
 */

export interface Char {
  ch: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  size: number;
}

export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Edge {
  /** 'h': y fixed, from x0 to x1; 'v': x fixed, from y0 to y1. */
  dir: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

export interface Cell {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

export interface TableCell extends Cell {
  text: string;
}

export interface Table {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
  /** Rows of cells, each row the cells that start at the same top, left to right. A merged cell is in its first row only. */
  rows: TableCell[][];
}

/** A line of the page's text: prose, or one table row (cells joined by tabs). */
export interface PageLine {
  text: string;
  top: number;
  /** The table this row belongs to (index into the page's tables), if any. */
  table?: number;
}

const SNAP = 3;
const JOIN = 3;
/** How far an edge may fall short of a crossing and still meet it. */
const MEET = 3;
/** Shorter strokes are glyph bits or decoration, not rulings. */
const MIN_EDGE = 4;

/** Step 1: segments → edges, snapped and joined (pdfplumber's snap_tolerance / join_tolerance). */
export function edgesOf(segments: readonly Segment[]): Edge[] {
  const raw: Edge[] = [];
  for (const s of segments) {
    const dx = Math.abs(s.x1 - s.x0);
    const dy = Math.abs(s.y1 - s.y0);
    if (dy <= 1 && dx >= MIN_EDGE) raw.push({ dir: 'h', at: (s.y0 + s.y1) / 2, from: Math.min(s.x0, s.x1), to: Math.max(s.x0, s.x1) });
    else if (dx <= 1 && dy >= MIN_EDGE) raw.push({ dir: 'v', at: (s.x0 + s.x1) / 2, from: Math.min(s.y0, s.y1), to: Math.max(s.y0, s.y1) });
  }
  return [...joinEdges(snap(raw.filter((e) => e.dir === 'h'))), ...joinEdges(snap(raw.filter((e) => e.dir === 'v')))];
}

/** Edges whose positions differ by less than SNAP share the first one's position. */
function snap(edges: Edge[]): Edge[] {
  const sorted = [...edges].sort((a, b) => a.at - b.at);
  let anchor = Number.NEGATIVE_INFINITY;
  return sorted.map((e) => {
    if (e.at - anchor > SNAP) anchor = e.at;
    return { ...e, at: anchor };
  });
}

function joinEdges(edges: Edge[]): Edge[] {
  const sorted = [...edges].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Edge[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.at === e.at && e.from <= last.to + JOIN) last.to = Math.max(last.to, e.to);
    else out.push({ ...e });
  }
  return out;
}

/** Step 2: where vertical and horizontal edges cross (or meet within MEET). */
export function intersectionsOf(edges: readonly Edge[]): { x: number; y: number }[] {
  const hs = edges.filter((e) => e.dir === 'h');
  const vs = edges.filter((e) => e.dir === 'v');
  const out: { x: number; y: number }[] = [];
  for (const v of vs) {
    for (const h of hs) {
      if (v.at >= h.from - MEET && v.at <= h.to + MEET && h.at >= v.from - MEET && h.at <= v.to + MEET) out.push({ x: v.at, y: h.at });
    }
  }
  return out;
}

/** True when an edge of `dir` at `at` is drawn all the way from `a` to `b`. */
function drawn(edges: readonly Edge[], dir: 'h' | 'v', at: number, a: number, b: number): boolean {
  return edges.some((e) => e.dir === dir && e.at === at && e.from <= a + MEET && e.to >= b - MEET);
}

/** Step 3: the smallest rectangles with a crossing at each corner and all four sides drawn. */
export function cellsOf(edges: readonly Edge[]): Cell[] {
  const points = intersectionsOf(edges);
  const key = (x: number, y: number) => `${x},${y}`;
  const have = new Set(points.map((p) => key(p.x, p.y)));
  const byX = new Map<number, number[]>();
  const byY = new Map<number, number[]>();
  for (const p of points) {
    (byX.get(p.x) ?? byX.set(p.x, []).get(p.x)!).push(p.y);
    (byY.get(p.y) ?? byY.set(p.y, []).get(p.y)!).push(p.x);
  }
  for (const a of byX.values()) a.sort((p, q) => p - q);
  for (const a of byY.values()) a.sort((p, q) => p - q);
  const cells: Cell[] = [];
  for (const p of points) {
    const below = byX.get(p.x)!.filter((y) => y > p.y);
    const right = byY.get(p.y)!.filter((x) => x > p.x);
    found: for (const y of below) {
      if (!drawn(edges, 'v', p.x, p.y, y)) break;
      for (const x of right) {
        if (!drawn(edges, 'h', p.y, p.x, x)) break;
        if (have.has(key(x, y)) && drawn(edges, 'v', x, p.y, y) && drawn(edges, 'h', y, p.x, x)) {
          cells.push({ x0: p.x, top: p.y, x1: x, bottom: y });
          break found;
        }
      }
    }
  }
  return cells;
}

/** Step 4: cells that share corners form a table; a lone box is not one. */
export function tablesOf(cells: readonly Cell[]): Cell[][] {
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const corner = new Map<string, number>();
  cells.forEach((c, i) => {
    for (const k of [`${c.x0},${c.top}`, `${c.x1},${c.top}`, `${c.x0},${c.bottom}`, `${c.x1},${c.bottom}`]) {
      const j = corner.get(k);
      if (j === undefined) corner.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Cell[]>();
  cells.forEach((c, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(c));
  return [...groups.values()].filter((g) => g.length >= 2).sort((a, b) => top(a) - top(b));
}

const top = (cells: readonly Cell[]) => Math.min(...cells.map((c) => c.top));

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Chars → lines: by baseline (within half a glyph), left to right, a space where a gap is. */
export function linesOf(chars: readonly Char[]): { text: string; top: number; y: number }[] {
  const sorted = [...chars].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: Char[][] = [];
  for (const c of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(c.y - line[0]!.y) <= Math.max(1, Math.min(c.size, line[0]!.size) * 0.5)) line.push(c);
    else lines.push([c]);
  }
  return lines.map((l) => {
    l.sort((a, b) => a.x0 - b.x0);
    let text = '';
    let prev: Char | undefined;
    for (const c of l) {
      if (prev && c.x0 - prev.x1 > Math.max(c.size, prev.size) * 0.5 && !text.endsWith(' ') && c.ch !== ' ') text += ' ';
      text += c.ch;
      prev = c;
    }
    // loops, not Math.max(...): a hostile line of a million glyphs would overflow the arguments
    let size = 0;
    let y = Infinity;
    for (const c of l) {
      if (c.size > size) size = c.size;
      if (c.y < y) y = c.y;
    }
    return { text: text.replace(/\s+/g, ' ').trim(), top: y - size, y: l[0]!.y };
  });
}

/**
 * A cell's text: its lines joined without a break (a label wrapped by the cell's width, or a
 * vertical label one character a line, is one label), and the letter-spacing of Chinese
 * (`商 业 企`) taken out. Spaces between digits are kept: they are the parser's to judge.
 */
export function cellText(chars: readonly Char[]): string {
  // wrapped lines join without a break; between two Latin words a space stays
  const text = linesOf(chars).reduce((acc, l) => (acc && !CJK.test(acc[acc.length - 1]!) && !CJK.test(l.text[0] ?? '') ? `${acc} ${l.text}` : acc + l.text), '');
  return text.replace(/\s+/g, ' ').replace(/(\S) (?=\S)/g, (m, a: string, offset: number, s: string) => (CJK.test(a) || CJK.test(s[offset + 2] ?? '') ? a : m));
}

const inside = (c: Char, cell: Cell) => {
  const cx = (c.x0 + c.x1) / 2;
  const cy = c.y - c.size * 0.35;
  return cx >= cell.x0 && cx <= cell.x1 && cy >= cell.top && cy <= cell.bottom;
};

/** Step 5: a table's rows and each cell's text; the chars used are taken out of `free`. */
export function readTable(cells: readonly Cell[], chars: readonly Char[], used: Set<Char>): Table {
  const tops = [...new Set(cells.map((c) => c.top))].sort((a, b) => a - b);
  const rows = tops.map((t) =>
    cells
      .filter((c) => c.top === t)
      .sort((a, b) => a.x0 - b.x0)
      .map((c): TableCell => {
        const mine = chars.filter((ch) => !used.has(ch) && inside(ch, c));
        for (const ch of mine) used.add(ch);
        return { ...c, text: cellText(mine) };
      }),
  );
  return { x0: Math.min(...cells.map((c) => c.x0)), top: tops[0]!, x1: Math.max(...cells.map((c) => c.x1)), bottom: Math.max(...cells.map((c) => c.bottom)), rows };
}

/**
 * A report page has a few hundred ruling lines and a few thousand glyphs. Past these bounds
 * (a drawing, a hostile file) the page is read as lines of text without tables, in linear time.
 */
const MAX_EDGES = 2000;
const MAX_CROSSINGS = 40_000;
const MAX_TABLE_CHARS = 30_000;

function boundedCells(segments: readonly Segment[], chars: number): Cell[] {
  if (chars > MAX_TABLE_CHARS) return [];
  const edges = edgesOf(segments);
  if (edges.length > MAX_EDGES) return [];
  const h = edges.filter((e) => e.dir === 'h').length;
  if (h * (edges.length - h) > MAX_CROSSINGS) return [];
  return cellsOf(edges);
}

/** A page number on its own line: `- 1 -`, `— 2 —`, `第 3 页`, `3 / 6`. */
const PAGE_NUMBER = /^(?:[-—–－_~\s]*\d{1,4}[-—–－_~\s]*|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

/** One page: its tables and the text around them, top to bottom. */
export function readPage(chars: readonly Char[], segments: readonly Segment[]): { lines: PageLine[]; tables: Table[] } {
  const used = new Set<Char>();
  const tables = tablesOf(boundedCells(segments, chars.length)).map((cells) => readTable(cells, chars, used));
  const prose = linesOf(chars.filter((c) => !used.has(c))).filter((l) => l.text && !PAGE_NUMBER.test(l.text));
  const items: PageLine[] = prose.map((l) => ({ text: l.text, top: l.top }));
  tables.forEach((t, i) => items.push({ text: '', top: t.top, table: i }));
  items.sort((a, b) => a.top - b.top);
  return { lines: items, tables };
}

/** A table row as one line: its cells joined by tabs. */
export function rowText(row: readonly TableCell[]): string {
  return row.map((c) => c.text).join('\t');
}

/**
 * A table continued from the previous page: same left and right edges. A cell cut by the page
 * break (its top on the new page is the table's top, and the previous page's table has a cell
 * over the same columns down to its bottom) is one cell: its text goes back to the first part.
 */
export function continues(prev: Table, next: Table): boolean {
  return Math.abs(prev.x0 - next.x0) <= SNAP * 2 && Math.abs(prev.x1 - next.x1) <= SNAP * 2;
}

export function joinCutCells(prev: Table, next: Table): void {
  const first = next.rows[0];
  if (!first) return;
  const lastCells = prev.rows.flat().filter((c) => Math.abs(c.bottom - prev.bottom) <= SNAP);
  // a cell over several rows of either part is a group label; a one-row cell is a row of its own
  const spans = (x: TableCell, t: Table) => t.rows.filter((r) => r.some((o) => o.top >= x.top && o.top < x.bottom)).length > 1;
  for (const c of first) {
    if (!c.text || ENUMERATOR.test(c.text)) continue;
    const before = lastCells.find((p) => Math.abs(p.x0 - c.x0) <= SNAP && Math.abs(p.x1 - c.x1) <= SNAP);
    if (before && before.text && !/[。；;]$/.test(before.text) && (spans(before, prev) || spans(c, next))) {
      before.text += c.text;
      c.text = '';
    }
  }
}

/** A label's own start (（五）, 三、, 2.): a new label, not the rest of one cut by the page break. */
const ENUMERATOR = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])/;
