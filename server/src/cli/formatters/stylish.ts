/** Human-readable output in the style of ESLint's `stylish`. */
import type { Locale } from '../../core';
import type { FileResult } from './result';

const LEVEL = { 'zh-CN': { error: '错误', warning: '警告', info: '提示' }, en: { error: 'error', warning: 'warning', info: 'info' } };

export function formatStylish(results: FileResult[], locale: Locale, display: (p: string) => string): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
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
  if (!total) return locale === 'en' ? `✔ ${results.length} file(s) checked, no problems\n` : `✔ 已检查 ${results.length} 个文件，没有发现问题\n`;
  out +=
    locale === 'en'
      ? `\n✖ ${total} problem(s) (${errors} error(s), ${warnings} warning(s), ${infos} info) in ${results.length} file(s)\n`
      : `\n✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示），检查了 ${results.length} 个文件\n`;
  return out;
}
