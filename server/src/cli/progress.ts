/**
 * Progress of a long run on stderr, only when stderr is a terminal (never in a pipe or a log):
 * files done / total, rate and time left, redrawn in place at most ten times a second and
 * cleared at the end so that the run's own output follows on a clean line.
 */
import type { Locale } from '../core';

const EVERY_MS = 100;

export class Progress {
  private done = 0;
  private last = 0;
  private readonly started = Date.now();
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly locale: Locale,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly enabled = out.isTTY === true && total > 1,
  ) {}

  /** One more file done. */
  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < EVERY_MS && this.done < this.total) return;
    this.last = now;
    this.out.write(`\r\x1b[K${this.line((now - this.started) / 1000)}`);
    this.shown = true;
  }

  /** Lines for stderr while the progress line is up: cleared first, so they are not mixed into it. */
  write(text: string): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.out.write(text);
    this.shown = false;
  }

  end(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }

  line(seconds: number): string {
    const rate = seconds > 0 ? this.done / seconds : 0;
    const left = rate > 0 ? Math.ceil((this.total - this.done) / rate) : undefined;
    const r = rate >= 10 ? rate.toFixed(0) : rate.toFixed(1);
    if (this.locale === 'en') return `${this.done}/${this.total} files · ${r} files/s${left !== undefined ? ` · about ${duration(left, 'en')} left` : ''}`;
    return `已检查 ${this.done}/${this.total} 个文件 · 每秒 ${r} 个${left !== undefined ? ` · 约剩 ${duration(left, 'zh-CN')}` : ''}`;
  }
}

function duration(s: number, locale: Locale): string {
  if (s < 60) return locale === 'en' ? `${s} s` : `${s} 秒`;
  const m = Math.floor(s / 60);
  return locale === 'en' ? `${m} min ${s % 60} s` : `${m} 分 ${s % 60} 秒`;
}
