/**
 * How large a zip (a .docx) becomes once inflated, read from its central directory before
 * anything is inflated: a file whose parts add up past a limit is refused with a message.
 * The directory is where zip readers (JSZip, under mammoth) take entries from, so its sizes
 * are the ones that count; a directory that cannot be read is left to the reader to judge.
 */
import type { Msg } from '../core/rule';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The message for a zip that inflates past `limit` bytes (or claims sizes it cannot have), else undefined. */
export function zipTooLarge(buf: Uint8Array, limit: number): Msg | undefined {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  // the end record is in the last 22 + 65,535 bytes (its comment is at most that long)
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = b.readUInt16LE(end + 10);
  const offset = b.readUInt32LE(end + 16);
  let total = 0;
  let p = offset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) return undefined;
    const size = b.readUInt32LE(p + 24);
    // 0xffffffff: the real size is in a zip64 field; no report needs a part of 4 GB
    if (size === 0xffffffff) return message(Number.POSITIVE_INFINITY, limit);
    total += size;
    p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return total > limit ? message(total, limit) : undefined;
}

function message(total: number, limit: number): Msg {
  const mb = (n: number) => (Number.isFinite(n) ? `${Math.round(n / 1024 / 1024)} MB` : '4 GB 以上');
  const mbEn = (n: number) => (Number.isFinite(n) ? `${Math.round(n / 1024 / 1024)} MB` : 'over 4 GB');
  return {
    zh: `已拒绝：Word 文件解压后有 ${mb(total)}，超过上限 ${mb(limit)}（可能是压缩炸弹），未解压`,
    en: `refused: the Word file inflates to ${mbEn(total)}, over the limit of ${mbEn(limit)} (possibly a zip bomb); not inflated`,
  };
}
