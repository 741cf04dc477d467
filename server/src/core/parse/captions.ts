/**
 * Table captions and unit notes (`表3`, `附表2`, `表三：收到和处理政府信息公开申请情况`,
 * `（单位：件）`): lines about a table that are neither its data nor a section heading.
 */

/** `表3`, `附表 2`, `表三`, `表3-1` and the separator after it. */
const CAPTION_PREFIX = /^(?:附\s*)?表\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:\s*[-－—.．]\s*[0-9]{1,2})?(?=$|[\s:：、.．])[\s:：、.．]*/;

/** A unit note, bracketed or not: `（单位：件）`, `计量单位: 件`. */
const UNIT_NOTE = /[（(]\s*(?:计量)?单位\s*[:：]\s*[^\s（）()]{1,4}\s*[）)]|(?:^|\s)(?:计量)?单位\s*[:：]\s*[^\s（）()]{1,4}/;
const UNIT_AT_END = new RegExp(`(?:${UNIT_NOTE.source})\\s*$`);
const UNIT_LINE = new RegExp(`^(?:${UNIT_NOTE.source})\\s*$`);

/** A unit note that ends a line (after its title): its start in `t`, or -1. */
export function trailingUnitNote(t: string): number {
  if (t.indexOf('单位') < 0) return -1; // most lines: no regex
  const m = UNIT_AT_END.exec(t);
  return m ? m.index : -1;
}

/** Length of the caption prefix (`表3  `) that opens `t`, or 0. */
export function captionPrefixLength(t: string): number {
  const c = t.charCodeAt(0);
  if (c !== 0x8868 && c !== 0x9644) return 0; // it opens with 表 or 附: other lines cost no regex
  const m = CAPTION_PREFIX.exec(t);
  return m ? m[0].length : 0;
}

/**
 * The line [s, e) of the normalised text is a caption or a unit note, not table data: it opens
 * (after white space and cell separators) with 表N / 附表N or is only a unit note, and has no
 * number of its own besides a year (`表3 2024年…`). Its digits are not cells.
 */
export function isCaptionLine(text: string, s: number, e: number): boolean {
  let i = s;
  while (i < e && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  if (i >= e || !mayOpenCaption(c)) return false;
  if (e - i > 80) return false;
  const line = text.slice(i, e).trimEnd();
  // a line opening with a bracket (（一）予以公开, every row of 表三) is a caption only as a unit note
  if (c !== 0x8868 && c !== 0x9644) return line.indexOf('单位') >= 0 && UNIT_LINE.test(line);
  const p = captionPrefixLength(line);
  if (p) return !/\d/.test(line.slice(p).replace(/\d{4}\s*年/g, ''));
  return UNIT_LINE.test(line);
}

/**
 * Only lines opening with 表, 附, a bracket or 单/计 can be a caption or unit note: others cost
 * no regex (nor, in tokenize, a search for the line's end).
 */
export function mayOpenCaption(c: number): boolean {
  return c === 0x8868 || c === 0x9644 || c === 0xff08 || c === 40 || c === 0x5355 || c === 0x8ba1;
}
