/**
 * The summary panel: one webview for 年报检查：生成汇总表 (the active report, kept up to date as it
 * is edited) and 年报检查：汇总工作区年报 (the reports under some folders). Each run reveals and
 * refreshes the same panel where it is, never a new column. The content is the server's answer to
 * `nianbao/summary`; copies and exports are rendered by the server too. Clicks reveal the cell or
 * the problem in its report. The summary is never put in a text document, so it is never linted.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { Summary } from '../../../server/src/core/summary/index';
import { SummaryRequest, type SummaryExportFormat, type SummaryParams, type SummaryResult } from '../../../server/src/lsp/protocol';
import { t, uiLocale, type UiLocale } from '../l10n';
import { summaryHtml } from './html';

export type WebviewMessage =
  /** A cell (with its place in the standard table) or a problem of the open report, by offsets. */
  | { type: 'reveal'; start: number; end: number; table?: 't2' | 't3' | 't4'; row?: string; col?: number }
  /** A problem in some report of a consolidation: its file and LSP range [line, character, line, character]. */
  | { type: 'open'; uri: string; range: number[] }
  | { type: 'copy'; format: 'md' | 'tsv' }
  | { type: 'save'; format: 'csv' | 'xlsx' | 'md' };

export type SummaryTarget = { kind: 'report'; doc: vscode.TextDocument; column?: vscode.ViewColumn } | { kind: 'folders'; folders: vscode.Uri[] };

/** The UI language where no document says otherwise: the window's `nianbao.locale`. */
export const windowLocale = (uri?: vscode.Uri): UiLocale => uiLocale(vscode.workspace.getConfiguration('nianbao', uri).get('locale'));

export class SummaryPanel {
  private static instance: SummaryPanel | undefined;
  private result: SummaryResult | undefined;
  /** The report's version the webview shows: its ranges are offsets into that text. */
  private version = -1;
  /** Something changed while the panel was hidden. */
  private behind = false;
  private seq = 0;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Shows the target's summary in the one panel (made on first use), and resolves when it is drawn. */
  static async show(client: BaseLanguageClient, target: SummaryTarget): Promise<SummaryPanel> {
    let p = SummaryPanel.instance;
    if (p) {
      p.target = target;
      // where it is: revealing "beside" would open one more column each time
      p.panel.reveal(p.panel.viewColumn, true);
    } else {
      const panel = vscode.window.createWebviewPanel('nianbao.summary', SummaryPanel.titleOf(target, windowLocale()), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false });
      p = SummaryPanel.instance = new SummaryPanel(panel, client, target);
    }
    await p.refresh();
    return p;
  }

  /** The open panel when it shows this report (for tests and the other commands). */
  static get(uri: vscode.Uri): SummaryPanel | undefined {
    const p = SummaryPanel.instance;
    return p?.target.kind === 'report' && p.target.doc.uri.toString() === uri.toString() ? p : undefined;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly client: BaseLanguageClient,
    public target: SummaryTarget,
  ) {
    panel.webview.onDidReceiveMessage((m: WebviewMessage) => this.onMessage(m), undefined, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => this.target.kind === 'report' && e.document === this.target.doc && this.refreshSoon(), undefined, this.disposables);
    // settings and .nianbaorc.json change the rules, the year and the language, as in the Problems panel
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('nianbao') && this.refreshSoon(), undefined, this.disposables);
    const rc = vscode.workspace.createFileSystemWatcher('**/.nianbaorc.json');
    this.disposables.push(rc, rc.onDidChange(() => this.refreshSoon()), rc.onDidCreate(() => this.refreshSoon()), rc.onDidDelete(() => this.refreshSoon()));
    panel.onDidChangeViewState(() => panel.visible && this.behind && void this.refresh(), undefined, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => this.target.kind === 'report' && d === this.target.doc && panel.dispose(), undefined, this.disposables);
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
  }

  /** The summary on screen. */
  get current(): Summary {
    return this.result!.summary;
  }

  /** The server's whole answer on screen (sheets, places). */
  get shown(): SummaryResult | undefined {
    return this.result;
  }

  private get locale(): UiLocale {
    return this.result?.locale ?? windowLocale(this.target.kind === 'report' ? this.target.doc.uri : undefined);
  }

  private static titleOf(target: SummaryTarget, locale: UiLocale): string {
    if (target.kind === 'folders') return t(locale, 'workspaceSummaryTitle');
    return t(locale, 'summaryTitle', target.doc.uri.path.split('/').pop() ?? '');
  }

  /** After an edit (debounced): at once if the summary is on screen, else when it is shown again (no work behind a hidden tab at every pause in typing). */
  private refreshSoon(): void {
    clearTimeout(this.timer);
    if (!this.panel.visible) {
      this.behind = true;
      return;
    }
    this.timer = setTimeout(() => void this.refresh(), 300);
  }

  private params(format?: SummaryExportFormat): SummaryParams {
    const base = this.target.kind === 'report' ? { uri: this.target.doc.uri.toString() } : { folders: this.target.folders.map((f) => f.toString()) };
    return format ? { ...base, export: format } : base;
  }

  /** Asks the server; a failed or empty answer is said in a notification, never thrown into the webview's handlers. */
  private async ask(format?: SummaryExportFormat): Promise<SummaryResult | null> {
    try {
      const r = await this.client.sendRequest(SummaryRequest, this.params(format));
      if (!r) {
        const name = this.target.kind === 'report' ? vscode.workspace.asRelativePath(this.target.doc.uri) : this.target.folders.map((f) => vscode.workspace.asRelativePath(f)).join(', ');
        void vscode.window.showWarningMessage(t(this.locale, 'summaryUnavailable', name));
      }
      return r;
    } catch (e) {
      void vscode.window.showErrorMessage(t(this.locale, 'failed', (e as Error).message));
      return null;
    }
  }

  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.behind = false;
    const seq = ++this.seq;
    const r = await this.ask();
    // a newer refresh was asked for meanwhile, or the panel was closed: this answer is stale
    if (!r || seq !== this.seq || this.disposed) return;
    this.result = r;
    this.version = r.version ?? -1;
    const title = SummaryPanel.titleOf(this.target, r.locale);
    this.panel.title = title;
    const nonce = randomBytes(16).toString('base64');
    this.panel.webview.html = summaryHtml(r, { nonce, title });
  }

  async onMessage(m: WebviewMessage): Promise<void> {
    try {
      if (m.type === 'reveal') await this.revealCell(m);
      else if (m.type === 'open') await this.open(m.uri, m.range);
      else if (m.type === 'copy') await this.copy(m.format);
      else if (m.type === 'save') await this.save(m.format);
    } catch (e) {
      void vscode.window.showErrorMessage(t(this.locale, 'failed', (e as Error).message));
    }
  }

  /** Edited since the webview was drawn (its refresh is pending): the clicked cell is found again by its place in the table (its offsets are stale). */
  private async revealCell(m: Extract<WebviewMessage, { type: 'reveal' }>): Promise<void> {
    if (this.target.kind !== 'report') return;
    let { start, end } = m;
    if (this.target.doc.version !== this.version) {
      await this.refresh();
      if (m.table && m.row !== undefined && typeof m.col === 'number') {
        const ref = { table: m.table, row: m.row, col: m.col };
        const cell = this.result?.sheets.flatMap((s) => s.rows.flat()).find((c) => c.ref && c.range && c.ref.table === ref.table && c.ref.row === ref.row && c.ref.col === ref.col);
        if (cell?.range) ({ start, end } = cell.range);
      }
    }
    await this.reveal(start, end);
  }

  /** Select the range in the report, in the editor it was opened from. */
  async reveal(start: number, end: number): Promise<vscode.TextEditor | undefined> {
    if (this.target.kind !== 'report') return undefined;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return undefined;
    const doc = this.target.doc;
    const len = doc.getText().length;
    const range = new vscode.Range(doc.positionAt(Math.min(start, len)), doc.positionAt(Math.min(end, len)));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: this.target.column ?? this.otherColumn(), selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  /** A column for the reports that is not the panel's. */
  private otherColumn(): vscode.ViewColumn {
    return this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  private async open(uri: string, range: number[]): Promise<void> {
    if (typeof uri !== 'string' || !Array.isArray(range) || range.length !== 4 || !range.every((n) => Number.isInteger(n) && n >= 0)) return;
    const [l1, c1, l2, c2] = range as [number, number, number, number];
    const selection = new vscode.Range(l1, c1, l2, c2);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: this.otherColumn(), selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async copy(format: 'md' | 'tsv'): Promise<void> {
    const r = await this.ask(format);
    if (!r?.export) return;
    await vscode.env.clipboard.writeText(r.export.data);
    void vscode.window.setStatusBarMessage(t(r.locale, 'copied', format === 'md' ? 'Markdown' : 'TSV'), 3000);
  }

  /** Export through the save dialog (beside the report by default), then say where the file went. */
  async save(format: 'csv' | 'xlsx' | 'md'): Promise<vscode.Uri | undefined> {
    const near = this.target.kind === 'report' ? this.target.doc.uri : undefined;
    // beside the report; an untitled report or a consolidation: the workspace's first folder
    const dir = near && near.scheme !== 'untitled' ? vscode.Uri.joinPath(near, '..') : (this.target.kind === 'folders' ? this.target.folders[0] : undefined) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const stem = near ? (near.path.split('/').pop() ?? '').replace(/\.[^.]+$/, '') : '';
    const base = dir ? vscode.Uri.joinPath(dir, `${stem || 'summary'}-汇总.${format}`) : undefined;
    const filters: Record<string, string[]> = format === 'csv' ? { CSV: ['csv'] } : format === 'xlsx' ? { Excel: ['xlsx'] } : { Markdown: ['md'] };
    const uri = await vscode.window.showSaveDialog({ defaultUri: base, filters });
    if (!uri) return undefined;
    const r = await this.ask(format);
    if (!r?.export) return undefined;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(r.export.data, r.export.encoding === 'base64' ? 'base64' : 'utf8'));
    void vscode.window.showInformationMessage(t(r.locale, 'saved', uri.scheme === 'file' ? uri.fsPath : uri.toString()));
    return uri;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    if (SummaryPanel.instance === this) SummaryPanel.instance = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
