/** Which documents the server lints: its own language always, plain text, Markdown and web pages (HTML) when they read as a report. */
import type { Settings } from './settings';

export const OWN_LANGUAGE = 'gov-report';
const MAYBE_LANGUAGES = new Set(['plaintext', 'markdown', 'html']);

/**
 * `undefined` means "lint, then keep the result only if the text looks like a report"
 * (the core's looksLikeReport: title, two standard headings, or a statistics table).
 */
export function shouldLint(languageId: string, detect: Settings['detect']): boolean | 'ifReport' {
  if (languageId === OWN_LANGUAGE) return true;
  if (!MAYBE_LANGUAGES.has(languageId)) return false;
  if (detect === 'never') return false;
  if (detect === 'always') return true;
  return 'ifReport';
}
