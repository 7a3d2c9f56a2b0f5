/**
 * Progress of long synchronous work, reported through a callback at most every REPORT_MS of work
 * (and at phase boundaries), so a worker can post it while it is busy. The clock is read once
 * per CHECK_UNITS units of work, never per row.
 */

/** Rows done of total rows; called with increasing `done`, last with done === total. */
export type ProgressCallback = (done: number, total: number) => void;

const REPORT_MS = 100;
const CHECK_UNITS = 4096;

export class WorkProgress {
  readonly #total: number;
  readonly #callback: ProgressCallback | undefined;
  #unitsTotal = 1;
  #units = 0;
  /** Units counted since the clock was last read. */
  #sinceCheck = 0;
  #lastReport: number;
  #reported = -1;

  /**
   * @param total what the callback reports against (rows of the import)
   * @param callback receives the work done scaled to `total`
   */
  constructor(total: number, callback?: ProgressCallback) {
    this.#total = total;
    this.#callback = callback;
    this.#lastReport = callback ? performance.now() : 0;
  }

  /** The units of work the whole task takes; progress is units done / this. */
  plan(units: number): void {
    this.#unitsTotal = Math.max(1, units);
  }

  /** Counts units of work done; reports when REPORT_MS have passed since the last report. */
  add(units: number): void {
    if (!this.#callback) return;
    this.#units += units;
    this.#sinceCheck += units;
    if (this.#sinceCheck < CHECK_UNITS) return;
    this.#sinceCheck = 0;
    const now = performance.now();
    if (now - this.#lastReport >= REPORT_MS) this.#report(now);
  }

  /** Reports now (at a phase boundary), if the figure has changed. */
  boundary(): void {
    if (this.#callback) this.#report(performance.now());
  }

  /** Reports the task as complete. */
  finish(): void {
    if (!this.#callback) return;
    this.#units = this.#unitsTotal;
    this.#report(performance.now());
  }

  #report(now: number): void {
    this.#lastReport = now;
    const done = Math.min(this.#total, Math.floor((this.#total * this.#units) / this.#unitsTotal));
    if (done <= this.#reported) return;
    this.#reported = done;
    this.#callback!(done, this.#total);
  }
}
