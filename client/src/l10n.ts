/**
 * The extension's own UI strings (progress, prompts, status bar) in both languages. The locale
 * follows VS Code's display language: Chinese unless English is asked for.
 */
export type UiLocale = 'zh-CN' | 'en';

/** zh* and anything not English gets Chinese; en* gets English. */
export function uiLocale(displayLanguage: string): UiLocale {
  return /^en\b/i.test(displayLanguage) ? 'en' : 'zh-CN';
}

const MESSAGES = {
  checkingWorkspace: { zh: '年报检查：正在检查工作区', en: 'nianbao: checking the workspace' },
  nothingToFix: { zh: '年报检查：没有可自动修复的问题。', en: 'nianbao: no auto-fixable problems.' },
  newReportTitle: { zh: '新建年度报告', en: 'New annual report' },
  agencyPrompt: { zh: '机关名称', en: 'Agency name (as it should appear in the report)' },
  agencyPlaceholder: { zh: '例如：某某市人民政府办公室', en: 'e.g. 某某市人民政府办公室' },
  agencyRequired: { zh: '请输入机关名称', en: 'Enter the agency name' },
  yearPrompt: { zh: '报告年度', en: 'Year the report covers' },
  yearInvalid: { zh: '请输入四位年份，如 2025', en: 'Enter a four-digit year, e.g. 2025' },
  statusName: { zh: '年报检查', en: 'nianbao' },
  formatKnown: { zh: '{0}版格式', en: '{0} format' },
  formatUnknown: { zh: '格式未识别', en: 'format not recognised' },
  statusErrors: { zh: '年报 {0} · {1} 个错误', en: 'Report {0} · {1} errors' },
  statusClean: { zh: '年报 {0}', en: 'Report {0}' },
  openPdfTitle: { zh: '打开 PDF 年报（显示读出的文字并检查）', en: 'Open a PDF report (its text, checked)' },
  statusTooltip: { zh: '年报检查：{0} 个错误，{1} 个警告（点击打开“问题”面板）', en: 'nianbao: {0} errors, {1} warnings (click to open Problems)' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** The message in the locale, `{0}`, `{1}` … filled from `args`. */
export function t(locale: UiLocale, key: MessageKey, ...args: (string | number)[]): string {
  const m = MESSAGES[key];
  return (locale === 'en' ? m.en : m.zh).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

export const MESSAGE_KEYS = Object.keys(MESSAGES) as MessageKey[];
