/**
 * The one entry to mingo. mingo 7.1.1 calls an undeclared global `assert` in a few operators ($skip, $project's
 * path checks, $currentDate, $sigmoid): outside a REPL they throw "assert is not defined". Until upstream fixes it,
 * mingo's own assert is installed as that global before any of them runs.
 */
import { assert } from 'mingo/util';

const globals = globalThis as { assert?: unknown };
if (typeof globals.assert !== 'function') globals.assert = assert;

export { Aggregator, Query, find, update } from 'mingo';
