/**
 * What the lesson player has actually played, between saves: stretches [from, to) of the media's own time.
 * A time update close after the previous one extends the current stretch; a jump (seeking, a stall longer than
 * MAX_STEP) starts a new one, so skipping ahead is never counted as watched. `take()` hands over what was played
 * since the last save and keeps going from there. For a reading (or a 视频号 lesson read as text) the page
 * feeds it one second at a time while the page is shown.
 */
export const MAX_STEP_SECONDS = 3;

export class LessonTracker {
  private closed: Array<[number, number]> = [];
  private from: number | null = null;
  private last: number;

  constructor(start: number, private readonly duration: number) {
    this.last = start;
  }

  /** The player is at `seconds` (a timeupdate while playing). */
  at(seconds: number): void {
    const t = Math.max(0, Math.min(this.duration, seconds));
    if (this.from !== null && t >= this.last && t - this.last <= MAX_STEP_SECONDS) {
      this.last = t;
      return;
    }
    this.close();
    this.from = t;
    this.last = t;
  }

  /** Playing stopped (pause, end, leaving): the current stretch ends where it got to. */
  stop(): void {
    this.close();
    this.from = null;
  }

  get position(): number {
    return this.last;
  }

  /** Whether anything was played since the last take. */
  get dirty(): boolean {
    return this.closed.length > 0 || (this.from !== null && this.last > this.from);
  }

  /** The stretches since the last take, whole seconds; the open stretch goes on from where it is. */
  take(): { position: number; ranges: Array<[number, number]> } {
    const ranges = [...this.closed];
    if (this.from !== null && this.last > this.from) ranges.push([this.from, this.last]);
    this.closed = [];
    if (this.from !== null) this.from = this.last;
    return {
      position: Math.floor(this.last),
      ranges: ranges.map(([a, b]) => [Math.floor(a), Math.min(this.duration, Math.ceil(b))] as [number, number]).filter(([a, b]) => b > a).slice(-20),
    };
  }

  private close(): void {
    if (this.from !== null && this.last > this.from) this.closed.push([this.from, this.last]);
  }
}
