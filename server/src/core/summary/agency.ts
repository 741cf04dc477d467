/**
 * Matching agency names across reports: 淮安市洪泽区人民政府 (全称) and 洪泽区人民政府 (简称)
 * are the same agency, 淮安市人民政府 and 洪泽区人民政府 are not; 清河区科技局 is 清河区科学技术局
 * (the standard short forms are data: words/agency-names.json).
 */
import { AGENCY_NAMES } from '../words';

/** Every known name → its canonical form, longest first (so 政府办公室 is tried before 政府). */
const SUFFIXES: [string, string][] = AGENCY_NAMES.flatMap((e) => [e.canonical, ...e.names].map((n): [string, string] => [n, e.canonical])).sort((a, b) => b[0].length - a[0].length);

/** Leading administrative prefixes a full name adds: 江苏省, 淮安市, 新疆维吾尔自治区 … */
const PREFIX = /^[\u4e00-\u9fa5]{1,10}?(?:省|自治区|特别行政区|市|自治州|州|盟|地区)/;
/** A place marker that makes a short name specific (not just 人民政府 or 公安局). */
const PLACE = /[\u4e00-\u9fa5]+?(?:省|自治区|市|自治州|州|盟|地区|区|县|旗|镇|乡|街道)/;

export function normalizeAgency(name: string): string {
  return name.replace(/[\s\u3000·・]/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** The name with its agency part in its standard full form: 清河区科技局 → 清河区科学技术局. */
export function canonicalAgency(name: string): string {
  const n = normalizeAgency(name);
  for (const [short, full] of SUFFIXES) {
    // a place must come before it: 科技局 alone names no agency in particular
    if (n.length > short.length && n.endsWith(short)) return n.slice(0, n.length - short.length) + full;
  }
  return n;
}

/** True when one name is the other with administrative prefixes added, 全称 or 简称. */
export function sameAgency(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = canonicalAgency(a);
  const y = canonicalAgency(b);
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (!long.endsWith(short) || !PLACE.test(short)) return false;
  // what the longer name adds must be whole administrative prefixes
  let extra = long.slice(0, long.length - short.length);
  for (let guard = 0; extra && guard < 5; guard++) {
    const m = PREFIX.exec(extra);
    if (!m) return false;
    extra = extra.slice(m[0].length);
  }
  return extra === '' && placeStart(short);
}

/** The short name must begin with its own place name (洪泽区…), not with a bare institution. */
function placeStart(short: string): boolean {
  const m = PLACE.exec(short);
  return !!m && m.index === 0 && m[0].length < short.length;
}

/**
 * A bucket key: the name with every administrative prefix stripped that leaves a specific name.
 * Names that sameAgency matches share it (so matching need not compare every pair); names
 * sharing it are not necessarily the same agency (南京市鼓楼区 / 福州市鼓楼区).
 */
export function agencyKey(name: string | undefined): string {
  let key = canonicalAgency(name ?? '');
  for (let guard = 0; guard < 5; guard++) {
    const m = PREFIX.exec(key);
    if (!m || !placeStart(key.slice(m[0].length))) break;
    key = key.slice(m[0].length);
  }
  return key;
}
