/**
 * Exact decimal sums for table cells. Money (万元) must add up without float drift
 * (0.1 + 0.2 ≠ 0.3), so values are kept as decimal strings and added as scaled BigInts.
 */

/** A decimal as a string: `-12`, `96171.6`, `0.05`. */
export type Dec = string;

interface Scaled {
  m: bigint;
  scale: number;
}

const DEC_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A finite number as the shortest exact decimal string JavaScript prints for it. */
export function decOf(n: number): Dec | null {
  if (!Number.isFinite(n)) return null;
  // toString may use exponent notation for very small/large values: expand it
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(Math.min(20, Math.max(0, -Math.floor(Math.log10(Math.abs(n))) + 15))).replace(/\.?0+$/, '');
}

function parse(d: Dec): Scaled {
  const m = DEC_RE.exec(d);
  if (!m) throw new Error(`not a decimal: ${d}`);
  const frac = m[3] ?? '';
  const v = BigInt(m[2]! + frac);
  return { m: m[1] ? -v : v, scale: frac.length };
}

function format(x: Scaled): Dec {
  const neg = x.m < 0n;
  let digits = (neg ? -x.m : x.m).toString();
  if (x.scale > 0) {
    digits = digits.padStart(x.scale + 1, '0');
    const int = digits.slice(0, digits.length - x.scale);
    const frac = digits.slice(digits.length - x.scale).replace(/0+$/, '');
    digits = frac ? `${int}.${frac}` : int;
  }
  return neg && digits !== '0' ? `-${digits}` : digits;
}

function align(a: Scaled, scale: number): bigint {
  return a.m * 10n ** BigInt(scale - a.scale);
}

/** Integers up to 15 digits add exactly as doubles: the common case, kept off BigInt for speed. */
const SMALL_INT = /^-?\d{1,15}$/;

/** Exact sum of decimal strings; the empty sum is `0`. */
export function decSum(values: readonly Dec[]): Dec {
  if (values.every((v) => SMALL_INT.test(v))) {
    let n = 0;
    for (const v of values) {
      n += Number(v);
      // past 2^53 a double rounds: finish with BigInt
      if (!Number.isSafeInteger(n)) return bigSum(values);
    }
    return String(n);
  }
  return bigSum(values);
}

function bigSum(values: readonly Dec[]): Dec {
  const xs = values.map(parse);
  const scale = xs.reduce((s, x) => Math.max(s, x.scale), 0);
  let m = 0n;
  for (const x of xs) m += align(x, scale);
  return format({ m, scale });
}

export function decSub(a: Dec, b: Dec): Dec {
  if (SMALL_INT.test(a) && SMALL_INT.test(b)) return String(Number(a) - Number(b));
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return format({ m: align(x, scale) - align(y, scale), scale });
}

export function decEq(a: Dec, b: Dec): boolean {
  if (a === b) return true;
  // two whole numbers below 2^53: equal as doubles exactly when equal (no BigInt needed)
  if (SMALL_INT.test(a) && SMALL_INT.test(b)) return Number(a) === Number(b);
  return decSub(a, b) === '0';
}

export function isDec(s: string): boolean {
  return DEC_RE.test(s);
}
