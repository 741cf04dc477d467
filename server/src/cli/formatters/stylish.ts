/** Human-readable output in the style of ESLint's `stylish`. */
import type { Locale } from '../../core';
import type { FileResult } from './result';

const LEVEL = { 'zh-CN': { error: '错误', warning: '警告', info: '提示' }, en: { error: 'error', warning: 'warning', info: 'info' } };

export function formatStylish(results: FileResult[], locale: Locale, display: (p: string) => string): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let skipped = 0;
  for (const r of results) {
    // a file in a folder that does not read as a report: one line, no problems
    if (r.skipped !== undefined) {
      out += `\n${display(r.filePath)}: ${r.skipped}\n`;
      skipped++;
      continue;
    }
    if (!r.messages.length) continue;
    out += `\n${display(r.filePath)}\n`;
    for (const m of r.messages) {
      out += `  ${(m.location ?? `${m.line}:${m.column}`).padEnd(8)} ${LEVEL[locale][m.level].padEnd(7)} ${m.message}  ${m.ruleId}\n`;
    }
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
  }
  const total = errors + warnings + infos;
  const checked = results.length - skipped;
  const skip = skipped ? (locale === 'en' ? `; ${skipped} skipped (not a report)` : `，跳过 ${skipped} 个不像年报的文件`) : '';
  if (!total) return out + (locale === 'en' ? `${out ? '\n' : ''}✔ ${checked} file(s) checked, no problems${skip}\n` : `${out ? '\n' : ''}✔ 已检查 ${checked} 个文件，没有发现问题${skip}\n`);
  out +=
    locale === 'en'
      ? `\n✖ ${total} problem(s) (${errors} error(s), ${warnings} warning(s), ${infos} info) in ${checked} file(s)${skip}\n`
      : `\n✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示），检查了 ${checked} 个文件${skip}\n`;
  return out;
}
