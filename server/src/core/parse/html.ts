/**
 * HTML input (web pages, Word pasted into a site's editor, .docx through mammoth): the rendered
 * text, read with a real HTML parser (htmlparser2, with source positions), in the normalised form
 * every layout shares — a table row is a line, a cell starts with a tab — and a map from every
 * normalised character back to its source range. Markup never reaches the rules: tags, attributes
 * (`style="font-family: 微软雅黑;"`), comments, scripts and page chrome give no text; a label split
 * over many `<span>`/`<font>` runs reads as one; paragraphs inside a cell stay in the cell.
 */
import type { Parser as ParserType } from 'htmlparser2';
import chromeData from '../words/page-chrome.json';

export interface HtmlView {
  text: string;
  start: Int32Array;
  end: Int32Array;
  /**
   * The source with its markup masked: the same length, each rendered character at its source
   * offset (an entity's character at its `&`, a line break at the `>` of the tag that makes it), everything
   * else (tags, attributes, comments, scripts, the rest of an entity, dropped chrome, the source's
   * own line breaks inside text) a space. Rules read this, so they
   * never see markup, and their ranges are offsets into the source as it is.
   */
  masked: string;
  /** Source ranges of the tags, comments and declarations, ascending: start, end, start, end, … */
  markup: Int32Array;
}

/** An element of the page: only what the rendering needs. */
interface El {
  tag: string;
  /** Source range of the start tag (end exclusive). */
  s: number;
  e: number;
  /** Source range of the end tag (empty where the element was closed implicitly). */
  cs: number;
  close: number;
  span?: { rows: number; cols: number };
  kids: Node[];
}
/** Text between tags: a source range, decoded when rendered. */
interface Txt {
  s: number;
  e: number;
}
type Node = El | Txt;
const isEl = (n: Node): n is El => (n as El).tag !== undefined;

/** Elements whose content is never report text (scripts, styles, navigation, controls). */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'footer', 'aside', 'select', 'button', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video', 'map', 'textarea', 'input', 'xml']);
/** Elements that end a line (outside a table cell). */
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'section',
  'article', 'header', 'main', 'blockquote', 'pre', 'hr', 'center', 'address', 'figure', 'figcaption', 'caption', 'title', 'body', 'html', 'form', 'fieldset', 'legend', 'td', 'th',
]);
/** Blocks that end a paragraph (a blank line after them); a row, a `<br>` or a list ends a line only. */
const PARA = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'table', 'section', 'article', 'center', 'address', 'dd', 'dt']);
/** class or id naming page chrome (a site's navigation, breadcrumbs, share bar, footer). */
const CHROME_CLASS = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|share|sharebar|toolbar|sidebar)(?:$|[\s_-])/i;
/** Deeper nesting than this is read flat (a hostile page must not exhaust the stack). */
const MAX_DEPTH = 200;

const ENTITIES: Record<string, number> = {
  nbsp: 32, amp: 38, lt: 60, gt: 62, quot: 34, apos: 39, ensp: 32, emsp: 32, thinsp: 32, ldquo: 0x201c, rdquo: 0x201d, lsquo: 0x2018, rsquo: 0x2019,
  mdash: 0x2014, ndash: 0x2013, hellip: 0x2026, middot: 0xb7, times: 0xd7, divide: 0xf7, deg: 0xb0, plusmn: 0xb1, copy: 0xa9, reg: 0xae, laquo: 0xab,
  raquo: 0xbb, bull: 0x2022, sect: 0xa7, para: 0xb6, yen: 0xa5, shy: -1, zwsp: -1, zwnj: -1, zwj: -1, lrm: -1, rlm: -1,
};

/** The page as a tree of the elements that matter, with source ranges (htmlparser2 does the tokenising). */
function buildTree(src: string, tags: number[]): El {
  // loaded on first use: plain text never pays for the HTML parser (require: the CLI runs from a vm.Script)
  const { Parser } = require('htmlparser2') as { Parser: typeof ParserType };
  const root: El = { tag: '#root', s: 0, e: 0, cs: src.length, close: src.length, kids: [] };
  const stack: El[] = [root];
  // open elements whose content is dropped, and elements read flat past MAX_DEPTH: counted, not stacked
  let skip = 0;
  let flat = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        tags.push(parser.startIndex, parser.endIndex + 1);
        if (skip > 0 || SKIP.has(name) || hidden(attrs)) {
          skip++;
          return;
        }
        if (stack.length > MAX_DEPTH) {
          flat++;
          return;
        }
        const el: El = { tag: name, s: parser.startIndex, e: parser.endIndex + 1, cs: parser.endIndex + 1, close: parser.endIndex + 1, kids: [] };
        if (name === 'td' || name === 'th') {
          const rows = spanOf(attrs.rowspan);
          const cols = spanOf(attrs.colspan);
          if (rows > 1 || cols > 1) el.span = { rows, cols };
        }
        stack[stack.length - 1]!.kids.push(el);
        stack.push(el);
      },
      onclosetag() {
        if (src.charCodeAt(parser.startIndex) === 60 && parser.endIndex >= parser.startIndex) {
          const last = tags[tags.length - 1] ?? -1;
          if (parser.startIndex >= last) tags.push(parser.startIndex, parser.endIndex + 1);
        }
        if (skip > 0) {
          skip--;
          return;
        }
        if (flat > 0) {
          flat--;
          return;
        }
        if (stack.length > 1) {
          const el = stack.pop()!;
          el.close = Math.min(src.length, parser.endIndex + 1);
          // an implied end (no end tag written) is an empty range at that place
          el.cs = src.charCodeAt(parser.startIndex) === 60 && el.close > el.e ? Math.max(el.e, parser.startIndex) : el.close;
        }
      },
      oncomment() {
        tags.push(parser.startIndex, parser.endIndex + 1);
      },
      onprocessinginstruction() {
        tags.push(parser.startIndex, parser.endIndex + 1);
      },
      ontext() {
        if (skip > 0) return;
        const kids = stack[stack.length - 1]!.kids;
        const s = parser.startIndex;
        const e = parser.endIndex + 1;
        const last = kids[kids.length - 1];
        // text cut in pieces by the tokenizer's buffering is one run
        if (last && !isEl(last) && last.e === s) last.e = e;
        else kids.push({ s, e });
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(src);
  return root;
}

function spanOf(v: string | undefined): number {
  const n = v ? parseInt(v, 10) : 1;
  return Number.isFinite(n) && n > 1 ? Math.min(n, 100) : 1;
}

function hidden(attrs: Record<string, string>): boolean {
  if (attrs.hidden !== undefined) return true;
  const style = attrs.style;
  if (style && /display\s*:\s*none/i.test(style)) return true;
  const name = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
  return name.length > 1 && CHROME_CLASS.test(name);
}

/** Writes the normalised text with its source map. */
class Out {
  buf: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  k = 0;
  /** A paragraph or line break inside a table cell, waiting for the next character: a space between ASCII words or numbers, else nothing. */
  soft = -1;
  constructor(n: number) {
    this.buf = new Uint16Array(n + 16);
    this.start = new Int32Array(n + 17);
    this.end = new Int32Array(n + 17);
  }
  push(code: number, s: number, e: number): void {
    if (this.k + 2 >= this.buf.length) this.grow();
    if (this.soft >= 0) {
      const prev = this.k > 0 ? this.buf[this.k - 1]! : 10;
      if (isWordChar(prev) && isWordChar(code)) this.raw(32, this.soft, this.soft);
      this.soft = -1;
    }
    this.raw(code, s, e);
  }
  raw(code: number, s: number, e: number): void {
    this.buf[this.k] = code;
    this.start[this.k] = s;
    this.end[this.k] = e;
    this.k++;
  }
  /** A line break (standing for the tag [s, e)), unless the text already ends one. */
  line(s: number, e: number): void {
    this.soft = -1;
    if (this.k > 0 && this.buf[this.k - 1] !== 10) this.push(10, s, e);
  }
  /** The end of a paragraph: a blank line after it, so the next block is a paragraph of its own (as the parser reads blank lines). */
  para(s: number, e: number): void {
    this.line(s, e);
    if (this.k >= 2 && this.buf[this.k - 2] !== 10) this.push(10, s, e);
  }
  last(): number {
    return this.k > 0 ? this.buf[this.k - 1]! : 10;
  }
  grow(): void {
    const n = this.buf.length * 2;
    const b = new Uint16Array(n);
    b.set(this.buf);
    const s = new Int32Array(n + 1);
    s.set(this.start);
    const e = new Int32Array(n + 1);
    e.set(this.end);
    this.buf = b;
    this.start = s;
    this.end = e;
  }
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

function isCjk(c: number): boolean {
  return (c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef);
}

/** The rendered text of an HTML page in the normalised form, with each character's source range. */
export function renderHtml(src: string, normCode: (c: number) => number): HtmlView {
  const tags: number[] = [];
  const root = buildTree(src, tags);
  const out = new Out(src.length);
  const emitText = (t: Txt, inCell: boolean) => {
    for (let i = t.s; i < t.e; i++) {
      let c = src.charCodeAt(i);
      // collapsible white space: one space; none where a line break stands between two Chinese characters (hard-wrapped source)
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
        const from = i;
        let breaks = false;
        while (i + 1 < t.e && isCollapsible(src.charCodeAt(i + 1))) {
          if (src.charCodeAt(i + 1) === 10) breaks = true;
          i++;
        }
        if (c === 10 || c === 13) breaks = true;
        // outside a table, a line break in the source text is one (text pasted from a PDF or typed
        // with hard breaks: the parser joins such lines as it does PDF text); inside a cell it is a
        // space, or nothing between Chinese characters, so a pretty-printed cell stays on its row
        if (breaks && !inCell) {
          const nl = src.slice(from, i + 1).search(/[\r\n]/) + from;
          if (out.last() !== 10) out.push(10, nl, nl + 1);
          continue;
        }
        const prev = out.last();
        const next = i + 1 < t.e ? src.charCodeAt(i + 1) : 0;
        if (prev === 10 || prev === 9 || (out.soft >= 0 && inCell)) continue;
        if (breaks && isCjk(prev) && (next === 0 || isCjk(next))) continue;
        out.push(32, from, i + 1);
        continue;
      }
      if (c === 38 /* & */) {
        const semi = src.indexOf(';', i);
        if (semi > i && semi - i <= 10 && semi < t.e) {
          const code = entity(src.slice(i + 1, semi));
          if (code !== undefined) {
            if (code >= 0) out.push(normCode(code), i, semi + 1);
            i = semi;
            continue;
          }
        }
      }
      if (c === 0xad || c === 0x200b || c === 0xfeff) continue; // soft hyphen, zero-width space: invisible
      // a pipe separates cells as in plain text (text extracted from a page and pasted back writes them)
      if (c === 124 || c === 0xff5c) {
        out.push(9, i, i + 1);
        continue;
      }
      c = normCode(c);
      out.push(c, i, i + 1);
    }
  };
  const walk = (el: El, inCell: boolean, depth: number): void => {
    for (const n of el.kids) {
      if (!isEl(n)) {
        emitText(n, inCell);
        continue;
      }
      if (n.tag === 'table' && isDataTable(n)) {
        out.line(n.s, n.e);
        table(n, depth);
        out.para(n.cs, n.close);
        continue;
      }
      const block = BLOCK.has(n.tag);
      if (block) {
        if (inCell) {
          if (out.last() !== 9) out.soft = n.s;
        } else out.line(n.s, n.e);
      }
      walk(n, inCell, depth + 1);
      if (block) {
        if (inCell) {
          if (out.last() !== 9) out.soft = n.close;
        } else if (PARA.has(n.tag)) out.para(n.cs, n.close);
        else out.line(n.cs, n.close);
      }
    }
  };
  /** A table of data: each row a line, each cell a tab and its text; spanned positions are empty fields, so each cell stands at its column. */
  const table = (t: El, depth: number) => {
    const rows: El[] = [];
    collectRows(t, rows);
    // a <caption> reads as a cell of its table (structure.ts: no section heading of its own)
    for (const cap of t.kids) {
      if (!isEl(cap) || cap.tag !== 'caption') continue;
      out.line(cap.s, cap.s);
      out.push(9, cap.s, cap.e);
      walk(cap, true, depth + 1);
      out.line(cap.cs, cap.close);
    }
    // columns taken by rowspans from rows above: column → rows left
    let carried: number[] = [];
    for (const tr of rows) {
      out.line(tr.s, tr.e);
      const cells = tr.kids.filter((k): k is El => isEl(k) && (k.tag === 'td' || k.tag === 'th'));
      const next: number[] = [];
      let col = 0;
      const fill = (at: number) => {
        while ((carried[col] ?? 0) > 0) {
          next[col] = carried[col]! - 1;
          out.push(9, at, at);
          col++;
        }
      };
      for (const td of cells) {
        fill(td.s);
        out.push(9, td.s, td.e);
        out.soft = -1;
        walk(td, true, depth + 1);
        out.soft = -1;
        const rs = td.span?.rows ?? 1;
        const cs = td.span?.cols ?? 1;
        for (let c = 0; c < cs; c++) {
          if (rs > 1) next[col + c] = rs - 1;
          if (c > 0) out.push(9, td.close, td.close);
        }
        col += cs;
      }
      // rowspans that reach past the row's last cell
      for (let c = col; c < carried.length; c++) if ((carried[c] ?? 0) > 0) next[c] = carried[c]! - 1;
      carried = next;
      out.line(tr.cs, tr.close);
    }
  };
  walk(root, false, 0);
  const k = out.k;
  out.start[k] = src.length;
  out.end[k] = src.length;
  let s = '';
  for (let p = 0; p < k; p += 8192) s += String.fromCharCode.apply(null, out.buf.subarray(p, Math.min(k, p + 8192)) as unknown as number[]);
  const text = blankChrome(s);
  return { text, start: out.start, end: out.end, masked: mask(src, text, out.start, out.end), markup: sortedSpans(tags) };
}

/** The tag spans in order, without overlaps (a self-closing tag reports its range twice). */
function sortedSpans(tags: number[]): Int32Array {
  const out: number[] = [];
  for (let i = 0; i + 1 < tags.length; i += 2) {
    const s = tags[i]!;
    const e = tags[i + 1]!;
    if (e <= s) continue;
    const last = out.length ? out[out.length - 1]! : -1;
    if (s < last) {
      if (e > last) out[out.length - 1] = e;
      continue;
    }
    out.push(s, e);
  }
  return Int32Array.from(out);
}

/** An offset moved out of a tag: to the tag's end (`toEnd`) or start; unchanged outside markup. */
export function outsideMarkup(markup: Int32Array, at: number, toEnd: boolean): number {
  let lo = 0;
  let hi = (markup.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = markup[2 * mid]!;
    const e = markup[2 * mid + 1]!;
    if (at <= s) hi = mid - 1;
    else if (at >= e) lo = mid + 1;
    else return toEnd ? e : s;
  }
  return at;
}

/** See HtmlView.masked. */
function mask(src: string, text: string, start: Int32Array, end: Int32Array): string {
  const n = src.length;
  const m = new Uint16Array(n).fill(32);
  for (let k = 0; k < text.length; k++) {
    const s = start[k]!;
    const e = end[k]!;
    if (e <= s) continue;
    const c = text.charCodeAt(k);
    // a line break at its tag (`<p>`, `<tr>`); the source's own line breaks inside text are spaces, as a browser shows them
    if (c === 32) continue;
    // a character as written (full-width digits stay full-width); an entity's character at its `&`;
    // a line break or a cell's tab at the `>` of its tag, so what follows it starts after the tag
    if (e - s === 1) m[s] = c === 9 || c === 10 ? c : src.charCodeAt(s);
    else m[c === 10 || c === 9 ? e - 1 : s] = c;
  }
  let out = '';
  for (let p = 0; p < n; p += 8192) out += String.fromCharCode.apply(null, m.subarray(p, Math.min(n, p + 8192)) as unknown as number[]);
  return out;
}

function isCollapsible(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/** A named or numeric character reference: its code (-1: renders as nothing), or undefined when it is none. */
function entity(name: string): number | undefined {
  if (name.charCodeAt(0) === 35 /* # */) {
    const hex = name[1] === 'x' || name[1] === 'X';
    const digits = name.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-f]{1,6}$/i : /^\d{1,7}$/).test(digits)) return undefined;
    const cp = parseInt(digits, hex ? 16 : 10);
    // one UTF-16 unit; anything else (astral, surrogates, NUL) renders here as a space
    return cp > 0 && cp < 0xd800 ? cp : cp >= 0xe000 && cp <= 0xffff ? cp : 32;
  }
  return ENTITIES[name] ?? ENTITIES[name.toLowerCase()];
}

/** The rows of a table, through thead/tbody/tfoot, not those of tables nested in its cells. */
function collectRows(el: El, rows: El[]): void {
  for (const k of el.kids) {
    if (!isEl(k)) continue;
    if (k.tag === 'tr') rows.push(k);
    else if (k.tag === 'thead' || k.tag === 'tbody' || k.tag === 'tfoot') collectRows(k, rows);
  }
}

/**
 * A table of data, not of layout: no table nested in its cells, and some row with two cells or
 * more. A layout table (a page wrapping its article in a table, a one-column box) is read as blocks.
 */
function isDataTable(t: El): boolean {
  const rows: El[] = [];
  collectRows(t, rows);
  let wide = false;
  for (const tr of rows) {
    let cells = 0;
    for (const td of tr.kids) {
      if (!isEl(td) || (td.tag !== 'td' && td.tag !== 'th')) continue;
      cells++;
      if (hasTable(td)) return false;
    }
    if (cells >= 2) wide = true;
  }
  return wide;
}

function hasTable(el: El): boolean {
  const todo: El[] = [el];
  for (let n = todo.pop(); n; n = todo.pop()) {
    for (const k of n.kids) {
      if (!isEl(k)) continue;
      if (k.tag === 'table') return true;
      todo.push(k);
    }
  }
  return false;
}

const chrome = chromeData as { prefixes: string[]; words: string[]; breadcrumbRoots: string[] };
const CHROME_PREFIX = new RegExp(`^[【\\[]?(?:(?:${chrome.prefixes.join('|')})\\s*[:：]|(?:${chrome.breadcrumbRoots.join('|')})\\s*[>＞»›])`);
const CHROME_WORDS = new RegExp(`(?:${[...chrome.words].sort((a, b) => b.length - a.length).join('|')})`, 'g');
/** Brackets, separators and spaces that stand between chrome words on one line. */
const CHROME_GLUE = /^[\s【】\[\]（）()|｜/·•:：、,，>»＞-]*$/;

/**
 * Lines of page chrome (当前位置：首页 > …, 【打印本页】【关闭窗口】, 字号：大 中 小) become spaces:
 * same length, so the map holds. Only whole lines: a word inside a sentence is left alone.
 */
function blankChrome(text: string): string {
  let changed = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    if (!t || t.length > 120 || t.includes('\t')) continue;
    if (CHROME_PREFIX.test(t) || (CHROME_GLUE.test(t.replace(CHROME_WORDS, '')) && /[^\s【】\[\]|｜/·•:：、,，>»＞-]/.test(t))) {
      lines[i] = ' '.repeat(line.length);
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}
