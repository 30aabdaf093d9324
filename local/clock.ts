/**
 * The local clock: one process-wide "now" for everything under local/ (emulator server dates, the function
 * runtime, timer triggers, the seed). It runs with real time from an offset; POST /local/clock moves it.
 * Functions never read it directly: the runtime hands each invocation its "now" (see runtime/sdk-env.ts).
 */
let offsetMs = 0;

export const localClock = {
  nowMs(): number {
    return Date.now() + offsetMs;
  },
  now(): Date {
    return new Date(Date.now() + offsetMs);
  },
  /** moves the clock so that now() reads `to` (and runs on from there) */
  set(to: Date): void {
    offsetMs = to.getTime() - Date.now();
  },
  reset(): void {
    offsetMs = 0;
  },
};
