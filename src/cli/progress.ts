/**
 * The progress line on standard error: bytes read of the total, rows per
 * second and the time left, redrawn a few times a second, only on a
 * terminal and never in a pipe.
 */

/** Where progress goes: a terminal stream's surface. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/** Redraws at most this often, in milliseconds. */
const INTERVAL = 250;

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - 60 * m)} s`;
}

/** A progress line: `update` as bytes and rows come in, `done` to clear it. Silent unless `stream` is a terminal and not `quiet`. */
export class Progress {
  readonly #stream: ProgressStream;
  readonly #on: boolean;
  readonly #start: number;
  readonly #now: () => number;
  #last = 0;
  #drawn = false;

  constructor(stream: ProgressStream, quiet: boolean, now: () => number = Date.now) {
    this.#stream = stream;
    this.#on = stream.isTTY === true && !quiet;
    this.#now = now;
    this.#start = now();
  }

  /** The line for `read` bytes of `total` (null: unknown, standard input) and `rows` rows so far. */
  line(read: number, total: number | null, rows: number): string {
    const seconds = Math.max((this.#now() - this.#start) / 1000, 1e-3);
    const rate = Math.round(rows / seconds);
    const parts = [
      total === null ? `read ${mb(read)}` : `read ${mb(read)} of ${mb(total)} (${total === 0 ? 100 : Math.floor((100 * read) / total)}%)`,
      `${rate.toLocaleString('en-US')} rows/s`,
    ];
    if (total !== null && read > 0 && read < total) parts.push(`${duration(((total - read) * seconds) / read)} left`);
    return parts.join(', ');
  }

  /** Redraws the line if the last draw is old enough. */
  update(read: number, total: number | null, rows: number): void {
    if (!this.#on) return;
    const t = this.#now();
    if (this.#drawn && t - this.#last < INTERVAL) return;
    this.#last = t;
    let text = this.line(read, total, rows);
    // A terminal that reports no width (0 or undefined) gets the whole line.
    const width = this.#stream.columns ?? 0;
    if (width > 1 && text.length > width - 1) text = text.slice(0, width - 1);
    this.#stream.write(`\r\x1b[2K${text}`);
    this.#drawn = true;
  }

  /** Clears the line. */
  done(): void {
    if (this.#drawn) this.#stream.write('\r\x1b[2K');
    this.#drawn = false;
  }
}
