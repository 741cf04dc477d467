/** The new-report template (client/templates/report-template.txt, written from the 2021 format) and its placeholders. */
export interface TemplateFields {
  agency: string;
  year: number;
  /** The date line, e.g. 2026年1月20日. */
  date: string;
}

export function fillTemplate(template: string, f: TemplateFields): string {
  return template.replace(/\{\{(agency|year|date)\}\}/g, (_, k: keyof TemplateFields) => String(f[k]));
}

/** A report year as typed: four digits in a sensible range, else an error message. */
export function validateYear(input: string): string | undefined {
  const n = Number(input.trim());
  return /^\d{4}$/.test(input.trim()) && n >= 2008 && n <= 2100 ? undefined : '请输入四位年份，如 2025';
}

export function chineseDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}
