/**
 * Header labels of 表三 (column header) and 表四 (its two header levels and columns), and 表三's
 * row-group labels, read for the typo check.
 *
 * Most of these labels are two to four characters long, too short to be told from other text by
 * edit distance alone (合计 for 总计, 个人 for 自然人). What makes a near miss safe to report is
 * its place: the standard labels written as such are taken out of the header first; what is
 * left is a mistyped label only when the header lacks a standard label it resembles.
 */
import type { Label } from '../model';
import type { FormatTemplate } from '../format/template';
import { canonConst, editDistance } from './labels';
import { canonOf, type Token } from './tokens';
import { sourceSlice, toSource, type Normalized } from './normalize';

export interface HeaderSpec {
  label: string;
  /** How many times the header has it (表四's column labels stand once per group). */
  count: number;
  /** False for text that is only taken out (表三's note), never reported. */
  report: boolean;
}

/** Edits a near miss of a label of this length may have (a looser bound than rows': the place is known). */
function headerEdits(len: number): number {
  if (len <= 2) return 1;
  if (len <= 6) return 2;
  return Math.max(3, Math.floor(len * 0.35));
}

/**
 * The standard label a piece of left-over header text is a typo of, if exactly one fits best.
 * A piece put together from several bits (PDF text) may be a short label with one edit at most:
 * bits of garbled text (持 正 果 结) make up strings two edits from a short label.
 */
function nearest(piece: string, candidates: string[], joined: boolean): { label: string; cost: number } | undefined {
  let best: { label: string; cost: number } | undefined;
  let tie = false;
  for (const label of candidates) {
    const L = canonConst(label);
    if (piece.length < Math.max(2, L.length - 1) || piece.length > L.length + 2) continue;
    const cost = editDistance(piece, L);
    if (cost === 0 || cost > (joined && L.length < 5 ? 1 : headerEdits(L.length))) continue;
    if (!best || cost < best.cost) {
      best = { label, cost };
      tie = false;
    } else if (cost === best.cost) tie = true;
  }
  return tie ? undefined : best;
}

/** The header tokens: the text before `end`, after the last number or sentence of prose before it. */
export function headerTokens(tokens: readonly Token[], end: number): Token[] {
  let from = 0;
  let to = 0;
  while (to < tokens.length && tokens[to]!.s < end) {
    const t = tokens[to]!;
    if (t.kind !== 'text' || t.text.includes('。')) from = to + 1;
    to++;
  }
  return tokens.slice(from, to).filter((t) => t.e <= end);
}

/** Longest run of pieces a left-over stretch may be cut into (a stretch of prose is not a header). */
const MAX_ATOMS = 60;

/**
 * The header's labels: each standard label written as such (exact), and each left-over stretch
 * (whole tokens, or the text between two standard labels) that is a near miss of a missing label.
 */
export function findHeaderLabels(nz: Normalized, tokens: readonly Token[], specs: HeaderSpec[]): Label[] {
  const plan = planOf(specs);
  // a header read before whose labels were all exact gives the same labels at its tokens' places
  const key = tokens.map((t) => t.text).join(' ');
  const seen = plan.exact.get(key);
  if (seen) return sortByStart(seen.map((x) => exactLabel(nz, tokens[x.from]!.s + x.fromAt, tokens[x.to]!.s + x.toAt, x.standard)));
  const buf = canonOf(tokens);
  // exact labels, longest first, as [start, end) pairs: a few, so no per-character map (most headers end here)
  const taken: number[] = [];
  const found = new Array<number>(plan.labels.length).fill(0);
  const out: Label[] = [];
  const exactAt: { s: number; e: number; standard: string }[] = [];
  const label = (s: number, e: number, standard: string, exact: boolean): Label => ({
    text: sourceSlice(nz, buf.at[s]!, buf.at[e - 1]! + 1),
    range: toSource(nz, buf.at[s]!, buf.at[e - 1]! + 1),
    standard,
    exact,
  });
  for (const x of plan.byLength) {
    for (let p = buf.text.indexOf(x.L); p >= 0; p = buf.text.indexOf(x.L, p + 1)) {
      if (overlapsTaken(taken, p, p + x.L.length)) continue;
      taken.push(p, p + x.L.length);
      found[x.label]!++;
      if (x.spec.report) {
        out.push(label(p, p + x.L.length, x.spec.label, true));
        exactAt.push({ s: buf.at[p]!, e: buf.at[p + x.L.length - 1]! + 1, standard: x.spec.label });
      }
    }
  }
  let wanted: Map<string, number> | undefined;
  for (const x of plan.inOrder) {
    const n = found[x.label]!;
    if (x.spec.report && n < x.spec.count) (wanted ??= new Map()).set(x.spec.label, x.spec.count - n);
  }
  if (wanted) {
    const used = new Uint8Array(buf.text.length);
    for (let k = 0; k < taken.length; k += 2) used.fill(1, taken[k], taken[k + 1]);
    const candidates = [...wanted.keys()];
    const pairs: { s: number; e: number; label: string; cost: number }[] = [];
    for (let g = 0; g < buf.text.length; ) {
      if (used[g]) {
        g++;
        continue;
      }
      let ge = g;
      while (ge < buf.text.length && !used[ge]) ge++;
      pairs.push(...pairStretch(nz.text, buf, g, ge, candidates));
      g = ge;
    }
    // the closest pairs first; a label missing once is given once
    pairs.sort((a, b) => a.cost - b.cost || a.s - b.s);
    for (const p of pairs) {
      const left = wanted.get(p.label) ?? 0;
      if (!left) continue;
      wanted.set(p.label, left - 1);
      out.push(label(p.s, p.e, p.label, false));
    }
  }
  if (!wanted) remember(plan.exact, key, exactAt, tokens);
  return sortByStart(out);
}

/** An exact label at normalised [s, e). */
function exactLabel(nz: Normalized, s: number, e: number, standard: string): Label {
  return { text: sourceSlice(nz, s, e), range: toSource(nz, s, e), standard, exact: true };
}

/** Where an exact label starts and ends, as token index and offset in that token (the same for the same tokens' text). */
interface ExactAt {
  from: number;
  fromAt: number;
  to: number;
  toAt: number;
  standard: string;
}

/** Headers remembered per spec list: most reports write the standard header, but documents vary, so only a few are kept. */
const MAX_REMEMBERED = 64;

/** Remembers a header's exact labels (normalised [s, e)) by token index and offset. */
function remember(memo: Map<string, ExactAt[]>, key: string, found: { s: number; e: number; standard: string }[], tokens: readonly Token[]) {
  if (memo.size >= MAX_REMEMBERED) memo.clear();
  const tokenAt = (pos: number) => {
    let lo = 0;
    let hi = tokens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tokens[mid]!.s <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  memo.set(
    key,
    found.map((x) => {
      const from = tokenAt(x.s);
      const to = tokenAt(x.e - 1);
      return { from, fromAt: x.s - tokens[from]!.s, to, toAt: x.e - tokens[to]!.s, standard: x.standard };
    }),
  );
}

/** [s, e) overlaps a taken stretch (pairs of start, end). */
function overlapsTaken(taken: number[], s: number, e: number): boolean {
  for (let k = 0; k < taken.length; k += 2) if (taken[k]! < e && s < taken[k + 1]!) return true;
  return false;
}

/** Labels in text order: an insertion sort (stable, as Array#sort), a dozen labels at most. */
function sortByStart(out: Label[]): Label[] {
  for (let i = 1; i < out.length; i++) {
    const x = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]!.range.start > x.range.start) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = x;
  }
  return out;
}

interface PlannedSpec {
  spec: HeaderSpec;
  /** canonConst(spec.label). */
  L: string;
  /** Index of the spec's label in labels (specs with one label share their count). */
  label: number;
}

/** A spec list made ready once: longest first (法人或其他组织 is taken before the 其他 inside it) and in order. */
const plans = new WeakMap<HeaderSpec[], { byLength: PlannedSpec[]; inOrder: PlannedSpec[]; labels: string[]; exact: Map<string, ExactAt[]> }>();
function planOf(specs: HeaderSpec[]) {
  let plan = plans.get(specs);
  if (!plan) {
    const labels = [...new Set(specs.map((s) => s.label))];
    const inOrder = specs.map((spec) => ({ spec, L: canonConst(spec.label), label: labels.indexOf(spec.label) }));
    plan = { byLength: [...inOrder].sort((a, b) => b.L.length - a.L.length), inOrder, labels, exact: new Map() };
    plans.set(specs, plan);
  }
  return plan;
}

/**
 * Cuts a left-over stretch [s, e) of the canonical header at token boundaries into pieces that
 * are near misses of missing labels (as many as possible, then the fewest edits); the rest of
 * the stretch (a caption, a unit) is left alone. A piece never spans a tab: that is a cell's edge.
 */
function pairStretch(text: string, buf: { text: string; at: number[] }, s: number, e: number, candidates: string[]) {
  const cuts = [s];
  const cellEdge = [false];
  for (let i = s + 1; i < e; i++) {
    if (buf.at[i] === buf.at[i - 1]! + 1) continue;
    cuts.push(i);
    cellEdge.push(text.slice(buf.at[i - 1]! + 1, buf.at[i]).includes('\t'));
  }
  cuts.push(e);
  const n = cuts.length - 1;
  if (n > MAX_ATOMS) return [];
  const maxLen = Math.max(...candidates.map((c) => canonConst(c).length)) + 2;
  // best[i]: the best pairing of atoms i…: most pairs, then least text left over (科研机 + 关 of
  // a broken 科研机关 is one piece, not a label cut short), then fewest edits
  type Best = { pairs: number; left: number; cost: number; take?: { j: number; label: string; cost: number } };
  const better = (a: Best, b: Best) => a.pairs > b.pairs || (a.pairs === b.pairs && (a.left < b.left || (a.left === b.left && a.cost < b.cost)));
  const best: Best[] = new Array(n + 1);
  best[n] = { pairs: 0, left: 0, cost: 0 };
  for (let i = n - 1; i >= 0; i--) {
    best[i] = { pairs: best[i + 1]!.pairs, left: best[i + 1]!.left + cuts[i + 1]! - cuts[i]!, cost: best[i + 1]!.cost };
    for (let j = i + 1; j <= n && cuts[j]! - cuts[i]! <= maxLen; j++) {
      if (j > i + 1 && cellEdge[j - 1]) break;
      const m = nearest(buf.text.slice(cuts[i], cuts[j]), candidates, j > i + 1);
      if (!m) continue;
      const cand: Best = { pairs: best[j]!.pairs + 1, left: best[j]!.left, cost: best[j]!.cost + m.cost, take: { j, label: m.label, cost: m.cost } };
      if (better(cand, best[i]!)) best[i] = cand;
    }
  }
  const out: { s: number; e: number; label: string; cost: number }[] = [];
  for (let i = 0; i < n; ) {
    const take = best[i]!.take;
    if (!take) {
      i++;
      continue;
    }
    out.push({ s: cuts[i]!, e: cuts[take.j]!, label: take.label, cost: take.cost });
    i = take.j;
  }
  return out;
}

/** The specs of a template's headers, made once per template (every table of every report asks). */
function once(cache: WeakMap<FormatTemplate, HeaderSpec[]>, t: FormatTemplate, make: (t: FormatTemplate) => HeaderSpec[]): HeaderSpec[] {
  let specs = cache.get(t);
  if (!specs) cache.set(t, (specs = make(t)));
  return specs;
}
const table3Specs = new WeakMap<FormatTemplate, HeaderSpec[]>();
const table4Specs = new WeakMap<FormatTemplate, HeaderSpec[]>();

/** 表三's header: its column labels, their two group labels and the note (only taken out). */
export function table3HeaderSpecs(t: FormatTemplate): HeaderSpec[] {
  return once(table3Specs, t, makeTable3Specs);
}

/** 表四's header: 行政复议 / 行政诉讼, under 行政诉讼 its two groups, and the five columns of each group. */
export function table4HeaderSpecs(t: FormatTemplate): HeaderSpec[] {
  return once(table4Specs, t, makeTable4Specs);
}

function makeTable3Specs(t: FormatTemplate): HeaderSpec[] {
  return [
    ...t.table3.columns.map((c) => ({ label: c.label, count: 1, report: true })),
    ...t.table3.columnGroups.map((g) => ({ label: g, count: 1, report: true })),
    { label: t.table3.note, count: 1, report: false },
  ];
}

function makeTable4Specs(t: FormatTemplate): HeaderSpec[] {
  const levels = new Set<string>();
  for (const g of t.table4.groups) {
    const parts = g.label.split('·');
    for (let k = 1; k <= parts.length; k++) levels.add(parts.slice(0, k).join('·'));
  }
  return [
    ...[...levels].map((path) => ({ label: path.split('·').pop()!, count: 1, report: true })),
    ...t.table4.columns.map((c) => ({ label: c.label, count: t.table4.groups.length, report: true })),
  ];
}

/** A group label's numbering as canon writes it: （四） → (四), 三、. */
const GROUP_MARKER = /^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)/;

/**
 * 表三's row-group labels (三、本年度办理结果, （三）不予公开 …). One written as such anywhere in
 * the table is found; otherwise the label text before one of its rows' own labels, from the
 * group's numbering on, is a typo of it when it is a near miss ((四)不能提供 for (四)无法提供).
 * A group label broken over several rows (vertical text in PDF) is found by neither and left alone.
 */
export function findGroupLabels(nz: Normalized, tokens: readonly Token[], rows: readonly { spec: { key: string }; labelS: number }[], t: FormatTemplate, labelTexts: readonly { text: string; at: number[] }[]): Label[] {
  const all = joinedLabelText(labelTexts);
  let whole: { text: string; at: number[] } | undefined;
  const out: Label[] = [];
  for (const g of t.table3.rowGroups) {
    const G = canonConst(g.label);
    let s: number;
    let e: number;
    if (!/^[、,.]|[0-9]/.test(G)) {
      const at = all.text.indexOf(G);
      s = at >= 0 ? all.offset(at) : -1;
      e = at >= 0 ? all.offset(at + G.length - 1) + 1 : -1;
    } else {
      // the runs' 1、 → 1. was done run by run: a label with digits is looked up in the whole text
      whole ??= canonOf(tokens.filter((x) => x.kind === 'text'));
      const at = whole.text.indexOf(G);
      s = at >= 0 ? whole.at[at]! : -1;
      e = at >= 0 ? whole.at[at + G.length - 1]! + 1 : -1;
    }
    if (s >= 0) {
      out.push({ text: sourceSlice(nz, s, e), range: toSource(nz, s, e), standard: g.label, exact: true });
      continue;
    }
    const marker = GROUP_MARKER.exec(G)?.[0];
    if (!marker) continue;
    const rest = G.slice(marker.length);
    const under = g.key + '.';
    // the marker's numeral (四 of (四)) is a character of the written text: rows without it cost no copy
    const numeral = marker[marker[0] === '(' ? 1 : 0]!;
    for (const r of rows) {
      if (!r.spec.key.startsWith(under) || !labelTextHas(tokens, r.labelS, numeral)) continue;
      const prefix = canonOf(labelTextBefore(tokens, r.labelS));
      const m = prefix.text.lastIndexOf(marker);
      if (m < 0) continue;
      const written = prefix.text.slice(m + marker.length);
      if (written.length < 2 || Math.abs(written.length - rest.length) > 2) continue;
      const cost = editDistance(written, rest);
      if (cost === 0 || cost > headerEdits(rest.length)) continue;
      const s = prefix.at[m]!;
      const e = prefix.at[prefix.text.length - 1]! + 1;
      out.push({ text: sourceSlice(nz, s, e), range: toSource(nz, s, e), standard: g.label, exact: false });
      break;
    }
  }
  return sortByStart(out);
}

/**
 * The runs' label texts as one (what canonOf of all the region's text tokens gives, but for
 * 1、 → 1. at a run's edge), without canonicalising the table a second time.
 */
function joinedLabelText(runs: readonly { text: string; at: number[] }[]): { text: string; offset: (i: number) => number } {
  const text = runs.length === 1 ? runs[0]!.text : runs.map((r) => r.text).join('');
  const offset = (i: number) => {
    for (const r of runs) {
      if (i < r.text.length) return r.at[i]!;
      i -= r.text.length;
    }
    return -1;
  };
  return { text, offset };
}

/** The label text between the last number before `pos` and `pos` (a token cut at `pos`), at most a group label's reach back. */
function labelTextBefore(tokens: readonly Token[], pos: number): Token[] {
  const [from, to] = labelTextRange(tokens, pos);
  const out: Token[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    out.push(t.e > pos ? { ...t, text: t.text.slice(0, pos - t.s), e: pos } : t);
  }
  return out;
}

/** labelTextBefore(tokens, pos) has the character `ch`, found without copying it. */
function labelTextHas(tokens: readonly Token[], pos: number, ch: string): boolean {
  const [from, to] = labelTextRange(tokens, pos);
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const i = t.text.indexOf(ch);
    if (i >= 0 && i < pos - t.s) return true;
  }
  return false;
}

/** Indices [from, to) of labelTextBefore's tokens. */
function labelTextRange(tokens: readonly Token[], pos: number): [number, number] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.s < pos) lo = mid + 1;
    else hi = mid;
  }
  let k = lo - 1;
  while (k >= 0 && tokens[k]!.kind === 'text' && pos - tokens[k]!.s <= GROUP_REACH) k--;
  return [k + 1, lo];
}

/** How far before its row's label a group label may start (in normalised text: tags and spaces count). */
const GROUP_REACH = 400;
