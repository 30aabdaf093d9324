/**
 * "now" for every function: the real time in production. Locally the runtime hands each invocation the local
 * clock's time (or a timer trigger's time) as LOCAL_NOW (local/runtime/sdk-env.ts), so POST /local/clock moves
 * time for the functions too.
 */
export function now(): Date {
  const local = process.env.LOCAL_NOW;
  if (local) {
    const at = new Date(local);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return new Date();
}

/** The same, for modules with a local variable named now. */
export const clock = { now };
