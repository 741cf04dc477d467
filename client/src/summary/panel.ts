/**
 * 年报检查：生成汇总表 — the active report's summary in a webview beside it, kept up to date as
 * the report is edited; clicks reveal the cell or problem in the report; copy and save buttons.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { cellAt, toCsv, toMarkdown, toTsv, type Locale, type Summary } from '../../../server/src/core';
import { toXlsx } from '../../../server/src/io/summary-xlsx';
import { summaryHtml } from './html';
import { documentSummary, summaryLocale } from './report';

export type WebviewMessage =
  /** A cell (with its place in the standard table) or a problem of the report. */
  | { type: 'reveal'; start: number; end: number; table?: 't2' | 't3' | 't4'; row?: string; col?: number }
  | { type: 'copy'; format: 'md' | 'tsv' }
  | { type: 'save'; format: 'csv' | 'xlsx' };

const panels = new Map<string, SummaryPanel>();

export class SummaryPanel {
  private summary!: Summary;
  private locale: Locale = summaryLocale();
  /** The report's version the webview shows: its ranges are offsets into that text. */
  private version = -1;
  /** Something changed while the panel was hidden. */
  private behind = false;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  static show(doc: vscode.TextDocument, column: vscode.ViewColumn | undefined): SummaryPanel {
    const existing = panels.get(doc.uri.toString());
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      existing.refresh();
      return existing;
    }
    const title = summaryTitle(doc, summaryLocale(doc.uri));
    const panel = vscode.window.createWebviewPanel('nianbao.summary', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false });
    const p = new SummaryPanel(panel, doc, column);
    panels.set(doc.uri.toString(), p);
    return p;
  }

  /** Open panels by report URI (for tests and the other commands). */
  static get(uri: vscode.Uri): SummaryPanel | undefined {
    return panels.get(uri.toString());
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    readonly doc: vscode.TextDocument,
    private readonly column: vscode.ViewColumn | undefined,
  ) {
    this.refresh();
    panel.webview.onDidReceiveMessage((m: WebviewMessage) => this.onMessage(m), undefined, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => e.document === doc && this.refreshSoon(), undefined, this.disposables);
    // settings and .nianbaorc.json change the rules, the year and the language, as in the Problems panel
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('nianbao', doc.uri) && this.refreshSoon(), undefined, this.disposables);
    const rc = vscode.workspace.createFileSystemWatcher('**/.nianbaorc.json');
    this.disposables.push(rc, rc.onDidChange(() => this.refreshSoon()), rc.onDidCreate(() => this.refreshSoon()), rc.onDidDelete(() => this.refreshSoon()));
    panel.onDidChangeViewState(() => panel.visible && this.behind && this.refresh(), undefined, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => d === doc && panel.dispose(), undefined, this.disposables);
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
  }

  get current(): Summary {
    return this.summary;
  }

  /** After an edit (debounced): at once if the summary is on screen, else when it is shown again (no linting behind a hidden tab at every pause in typing). */
  private refreshSoon(): void {
    clearTimeout(this.timer);
    if (!this.panel.visible) {
      this.behind = true;
      return;
    }
    this.timer = setTimeout(() => this.refresh(), 300);
  }

  refresh(): void {
    clearTimeout(this.timer);
    this.behind = false;
    const { summary, locale } = documentSummary(this.doc);
    this.summary = summary;
    this.locale = locale;
    this.version = this.doc.version;
    const title = summaryTitle(this.doc, locale);
    this.panel.title = title;
    const nonce = randomBytes(16).toString('base64');
    this.panel.webview.html = summaryHtml(this.summary, { nonce, locale, title });
  }

  async onMessage(m: WebviewMessage): Promise<void> {
    try {
      // Edited since the webview was drawn (its refresh is pending): copy and save what the report
      // says now, and find a clicked cell again by its place in the table (its offsets are stale).
      const stale = this.doc.version !== this.version;
      if (stale) this.refresh();
      if (m.type === 'reveal') {
        let { start, end } = m;
        const t = this.summary.tables;
        if (stale && t && m.table && m.row !== undefined && typeof m.col === 'number') {
          const range = cellAt(t, m.table, m.row, m.col)?.range;
          if (range) ({ start, end } = range);
        }
        await this.reveal(start, end);
      } else if (m.type === 'copy') await copySummary(this.summary, m.format, this.locale);
      else if (m.type === 'save') await saveSummary(this.summary, m.format, this.locale, this.doc.uri);
    } catch (e) {
      void vscode.window.showErrorMessage(`nianbao: ${(e as Error).message}`);
    }
  }

  /** Select the range in the report, in the editor it was opened from. */
  async reveal(start: number, end: number): Promise<vscode.TextEditor | undefined> {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return undefined;
    const len = this.doc.getText().length;
    const range = new vscode.Range(this.doc.positionAt(Math.min(start, len)), this.doc.positionAt(Math.min(end, len)));
    const editor = await vscode.window.showTextDocument(this.doc, { viewColumn: this.column ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  dispose(): void {
    clearTimeout(this.timer);
    panels.delete(this.doc.uri.toString());
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export function summaryTitle(doc: vscode.TextDocument, locale: Locale): string {
  const name = doc.uri.path.split('/').pop() ?? '';
  return locale === 'en' ? `Summary: ${name}` : `汇总表：${name}`;
}

export async function copySummary(s: Summary, format: 'md' | 'tsv', locale: Locale): Promise<void> {
  const text = format === 'md' ? toMarkdown(s, locale) : toTsv(s, locale, ['t2', 't3', 't4']);
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(locale === 'en' ? `Summary copied as ${format === 'md' ? 'Markdown' : 'TSV'}` : `汇总表已复制（${format === 'md' ? 'Markdown' : 'TSV'}）`, 3000);
}

export async function saveSummary(s: Summary, format: 'csv' | 'xlsx', locale: Locale, near?: vscode.Uri): Promise<vscode.Uri | undefined> {
  // beside the report; an untitled report has no folder: the workspace's first
  const dir = near && near.scheme !== 'untitled' ? vscode.Uri.joinPath(near, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const stem = near ? (near.path.split('/').pop() ?? '').replace(/\.[^.]+$/, '') : '';
  const base = dir ? vscode.Uri.joinPath(dir, `${stem || 'summary'}-汇总.${format}`) : undefined;
  const uri = await vscode.window.showSaveDialog({ defaultUri: base, filters: format === 'csv' ? { CSV: ['csv'] } : { Excel: ['xlsx'] } });
  if (!uri) return undefined;
  const data = format === 'csv' ? Buffer.from(toCsv(s, locale), 'utf8') : await toXlsx(s, locale);
  await vscode.workspace.fs.writeFile(uri, data);
  return uri;
}
