/**
 * Reading report files from disk for the CLI: which files, their text, and why a file was
 * skipped. Never throws: every failure becomes a message for that file.
 */
import { readFileSync, readdirSync, statSync, realpathSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import type { Msg } from '../core/rule';

/** File name endings the CLI checks when walking folders. */
export const REPORT_EXTENSIONS = ['.txt', '.md'];

export interface ReadOk {
  ok: true;
  text: string;
  /** The file started with a byte-order mark (kept when fixes are written back). */
  bom: boolean;
  encoding: string;
  /** Warnings about decoding (reported once per file). */
  warnings: Msg[];
}
export interface ReadFailed {
  ok: false;
  error: Msg;
}
export type ReadResult = ReadOk | ReadFailed;

export interface CollectResult {
  files: string[];
  errors: { path: string; error: Msg }[];
}

/** Expand paths (files or folders) into report files, depth-first, sorted, without loops. */
export function collectFiles(paths: string[], extensions: string[] = REPORT_EXTENSIONS): CollectResult {
  const files: string[] = [];
  const errors: CollectResult['errors'] = [];
  const seenDirs = new Set<string>();
  const walk = (p: string, explicit: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      errors.push({ path: p, error: ioError(e) });
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch (e) {
        errors.push({ path: p, error: ioError(e) });
        return;
      }
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      let names: string[];
      try {
        names = readdirSync(p).sort();
      } catch (e) {
        errors.push({ path: p, error: ioError(e) });
        return;
      }
      for (const n of names) {
        if (n === 'node_modules' || n.startsWith('.')) continue;
        walk(join(p, n), false);
      }
    } else if (explicit || extensions.includes(extname(p).toLowerCase())) {
      files.push(p);
    }
  };
  for (const p of paths) walk(resolve(p), true);
  return { files: [...new Set(files)], errors };
}

export function readReportFile(path: string, maxBytes = 50 * 1024 * 1024): ReadResult {
  let buf: Buffer;
  try {
    const st = statSync(path);
    if (st.size > maxBytes) {
      const mb = Math.round(maxBytes / 1024 / 1024);
      return { ok: false, error: { zh: `已跳过：文件大于 ${mb} MB`, en: `skipped: larger than ${mb} MB` } };
    }
    buf = readFileSync(path);
  } catch (e) {
    return { ok: false, error: ioError(e) };
  }
  return decode(buf);
}

export function decode(buf: Buffer): ReadResult {
  if (buf.includes(0) && !(buf[0] === 0xff && buf[1] === 0xfe) && !(buf[0] === 0xfe && buf[1] === 0xff)) {
    return { ok: false, error: { zh: '已跳过：二进制文件，不是文本', en: 'skipped: binary file, not text' } };
  }
  let text = buf.toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const warnings: Msg[] = [];
  if (text.includes('\ufffd')) {
    warnings.push({ zh: '文件含有无法按 UTF-8 解码的字节', en: 'the file has bytes that are not valid UTF-8' });
  }
  return { ok: true, text, bom, encoding: 'utf-8', warnings };
}

function ioError(e: unknown): Msg {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const m = e instanceof Error ? e.message : String(e);
  if (code === 'ENOENT') return { zh: '文件或文件夹不存在', en: 'no such file or folder' };
  if (code === 'EACCES' || code === 'EPERM') return { zh: '没有读取权限', en: 'permission denied' };
  if (code === 'ELOOP') return { zh: '符号链接循环', en: 'symbolic link loop' };
  return { zh: `无法读取：${m}`, en: `cannot read: ${m}` };
}
