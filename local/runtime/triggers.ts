/**
 * Timer triggers, as CloudBase runs them: each function's config.json may declare one trigger
 * `{name, type: 'timer', config: '<7-field cron: sec min hour day month weekday year>'}`, evaluated in UTC+8.
 * The cron is read by croner (seconds and year fields); this module only decides which times fell due on the
 * local clock and fires them, oldest first, one at a time, each invocation seeing its trigger time as "now".
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cron } from 'croner';
import { localClock } from '../clock';
import type { Runtime } from './index';

export const TRIGGER_TIMEZONE = 'Asia/Shanghai';
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
/** a clock jump that would fire more than this many times is refused (a 10-minute tick: about a month) */
export const MAX_FIRINGS = 5000;

export interface TimerTrigger {
  functionName: string;
  name: string;
  cron: string;
}

export interface Firing {
  functionName: string;
  trigger: string;
  at: string;
  ok: boolean;
  /** the function's answer (or the error message) */
  answer: unknown;
}

interface TriggerConfig {
  triggers?: { name?: unknown; type?: unknown; config?: unknown }[];
}

/** Checks one function's triggers the way WeChat does: at most one, a timer, a valid name and a 7-field cron. */
export function parseTriggers(functionName: string, config: TriggerConfig): TimerTrigger[] {
  const triggers = config.triggers ?? [];
  if (!Array.isArray(triggers)) throw new Error(`${functionName}: triggers must be an array`);
  if (triggers.length > 1) throw new Error(`${functionName}: a cloud function may have at most one trigger`);
  return triggers.map((trigger) => {
    const { name, type, config: cron } = trigger;
    if (type !== 'timer') throw new Error(`${functionName}: trigger type must be "timer"`);
    if (typeof name !== 'string' || !TRIGGER_NAME.test(name)) throw new Error(`${functionName}: invalid trigger name ${String(name)}`);
    if (typeof cron !== 'string' || cron.trim().split(/\s+/).length !== 7) {
      throw new Error(`${functionName}: trigger cron must have 7 fields (sec min hour day month weekday year)`);
    }
    new Cron(cron, { timezone: TRIGGER_TIMEZONE, paused: true }); // throws on a bad expression
    return { functionName, name, cron };
  });
}

/** The timer triggers of the built functions (dist/cloudfunctions/<name>/config.json). */
export function readTriggers(functionsDir: string, functionNames: readonly string[]): TimerTrigger[] {
  return functionNames.flatMap((name) => {
    const file = join(functionsDir, name, 'config.json');
    return existsSync(file) ? parseTriggers(name, JSON.parse(readFileSync(file, 'utf8')) as TriggerConfig) : [];
  });
}

/** Every time a trigger falls due in (from, to], oldest first. */
export function dueBetween(triggers: readonly TimerTrigger[], from: Date, to: Date): { trigger: TimerTrigger; at: Date }[] {
  const due: { trigger: TimerTrigger; at: Date }[] = [];
  for (const trigger of triggers) {
    const cron = new Cron(trigger.cron, { timezone: TRIGGER_TIMEZONE, paused: true });
    for (let at = cron.nextRun(from); at && at.getTime() <= to.getTime(); at = cron.nextRun(at)) {
      due.push({ trigger, at });
      if (due.length > MAX_FIRINGS) throw new Error(`moving the clock this far would fire more than ${MAX_FIRINGS} triggers`);
    }
  }
  return due.sort((a, b) => a.at.getTime() - b.at.getTime() || a.trigger.functionName.localeCompare(b.trigger.functionName));
}

export interface TriggerRunner {
  /** fires everything due up to `to` (default: the local clock) since the last run, in order */
  runDue(to?: Date): Promise<Firing[]>;
  /** moves the local clock to `to` and fires what fell due on the way */
  moveClock(to: Date): Promise<Firing[]>;
  /** checks the clock every intervalMs (npm start, npm run emulator) */
  start(intervalMs?: number): void;
  stop(): void;
}

export function createTriggerRunner(runtime: Runtime, triggers: readonly TimerTrigger[], log: (line: string) => void = () => {}): TriggerRunner {
  let checkedUntil = localClock.now();
  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  async function fire(to: Date): Promise<Firing[]> {
    if (to.getTime() <= checkedUntil.getTime()) {
      checkedUntil = to; // the clock went back: nothing fires until it passes times not yet fired
      return [];
    }
    const due = dueBetween(triggers, checkedUntil, to);
    const fired: Firing[] = [];
    for (const { trigger, at } of due) {
      let firing: Firing;
      try {
        const answer = await runtime.invokeTimer(trigger.functionName, trigger.name, at);
        firing = { functionName: trigger.functionName, trigger: trigger.name, at: at.toISOString(), ok: true, answer };
      } catch (error) {
        firing = { functionName: trigger.functionName, trigger: trigger.name, at: at.toISOString(), ok: false, answer: (error as Error).message };
        log(`[trigger] ${trigger.functionName}.${trigger.name} at ${at.toISOString()} failed: ${(error as Error).message}`);
      }
      fired.push(firing);
      checkedUntil = at;
    }
    checkedUntil = to;
    return fired;
  }

  /** one run at a time, in the order asked */
  function serial(to: Date): Promise<Firing[]> {
    const run = queue.then(() => fire(to));
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    runDue: (to) => serial(to ?? localClock.now()),
    moveClock(to) {
      // checked before the clock moves, so a refused jump changes nothing
      if (to.getTime() > checkedUntil.getTime()) dueBetween(triggers, checkedUntil, to);
      localClock.set(to);
      return serial(to);
    },
    start(intervalMs = 1000) {
      if (timer) return;
      timer = setInterval(() => {
        serial(localClock.now()).catch((error: unknown) => log(`[trigger] ${(error as Error).message}`));
      }, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
