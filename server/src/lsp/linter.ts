/**
 * Linting open documents. Every change is linted, but changes that arrive while the
 * document's lint is under way (fetching settings, or queued on the connection behind the
 * change that started it) only mark it dirty: the lint then runs once on the newest text. Results for a version that is no
 * longer current are dropped, never published.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_RULES, applySuppressions, lint, LineIndex, type LintResult } from '../core/index';
import type { DocConfig } from './config';
import { shouldLint } from './detect';

/** The last lint of a document, kept for code actions, hover, symbols and hints. */
export interface DocState {
  uri: string;
  version: number;
  text: string;
  index: LineIndex;
  docConfig: DocConfig;
  /** The lint result, or undefined when the document is not linted (not a report, wrong language, detect=never). */
  result?: LintResult;
}

export interface LinterHost {
  getDocument(uri: string): TextDocument | undefined;
  getConfig(uri: string): Promise<DocConfig>;
  publish(state: DocState): void;
  ruleError(ruleId: string, error: string): void;
}

export function lintDocument(doc: TextDocument, docConfig: DocConfig): DocState {
  const text = doc.getText();
  const index = new LineIndex(text);
  const state: DocState = { uri: doc.uri, version: doc.version, text, index, docConfig };
  const mode = shouldLint(doc.languageId, docConfig.settings.detect);
  if (mode === false || docConfig.ignored) return state;
  if (text.length > docConfig.config.maxFileSizeMB * 1024 * 1024) return state;
  // the report language, or detect=always: the user says this is a report, so lint it as one
  const result = lint(text, docConfig.config, ALL_RULES, { assumeReport: mode === true });
  if (mode === 'ifReport' && !result.isReport) return state;
  // suppressed problems are gone for the editor: not shown, not fixed by fix-all
  const entries = docConfig.suppressions?.entries ?? [];
  state.result = entries.length ? { ...result, diagnostics: applySuppressions(text, result.diagnostics, entries).kept } : result;
  return state;
}

export class Linter {
  readonly states = new Map<string, DocState>();
  private running = new Set<string>();
  private dirty = new Set<string>();
  private waiters = new Map<string, (() => void)[]>();

  constructor(private host: LinterHost) {}

  /** Ask for a lint of the document's current version. */
  request(uri: string): void {
    if (this.running.has(uri)) {
      this.dirty.add(uri);
      return;
    }
    this.running.add(uri);
    void this.run(uri);
  }

  /** Resolves when no lint of the document is under way or due (at once when there is none). */
  private idle(uri: string): Promise<void> {
    if (!this.running.has(uri)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      list.push(resolve);
      this.waiters.set(uri, list);
    });
  }

  close(uri: string): void {
    this.states.delete(uri);
    this.dirty.delete(uri);
  }

  private async run(uri: string): Promise<void> {
    try {
      do {
        this.dirty.delete(uri);
        const docConfig = await this.host.getConfig(uri);
        // let changes already queued on the connection land first (one turn of the event loop
        // per message), so a burst of keystrokes costs one lint, not one each
        let seen: number | undefined;
        while (this.host.getDocument(uri) && this.host.getDocument(uri)!.version !== seen) {
          seen = this.host.getDocument(uri)!.version;
          await new Promise((r) => setImmediate(r));
        }
        const doc = this.host.getDocument(uri);
        if (!doc) return;
        const state = this.safeLint(doc, docConfig);
        // a change may have come in while the settings were fetched: then lint again
        if (this.dirty.has(uri) || this.host.getDocument(uri)?.version !== state.version) continue;
        this.states.set(uri, state);
        this.host.publish(state);
      } while (this.dirty.has(uri));
    } finally {
      this.running.delete(uri);
      if (this.dirty.has(uri)) this.request(uri);
      else {
        const list = this.waiters.get(uri);
        this.waiters.delete(uri);
        for (const resolve of list ?? []) resolve();
      }
    }
  }

  private safeLint(doc: TextDocument, docConfig: DocConfig): DocState {
    try {
      const state = lintDocument(doc, docConfig);
      for (const e of state.result?.ruleErrors ?? []) this.host.ruleError(e.ruleId, e.error);
      return state;
    } catch (e) {
      // lint promises never to throw; if it does anyway, the server must stay up
      this.host.ruleError('(lint)', e instanceof Error ? (e.stack ?? e.message) : String(e));
      const text = doc.getText();
      return { uri: doc.uri, version: doc.version, text, index: new LineIndex(text), docConfig };
    }
  }

  /**
   * The state for the document's current version: the lint under way is waited for (a request
   * just after an open or a change, as editors send them, would otherwise lint a second time),
   * and the document is linted now only if the stored state is still not current.
   */
  async current(uri: string): Promise<DocState | undefined> {
    await this.idle(uri);
    const doc = this.host.getDocument(uri);
    if (!doc) return undefined;
    const s = this.states.get(doc.uri);
    if (s && s.version === doc.version) return s;
    return this.safeLint(doc, await this.host.getConfig(doc.uri));
  }
}
