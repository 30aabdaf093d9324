/** Logic commands as `where` objects: wx-server-sdk types _.or/_.and as commands, which where() takes as well. */
import type { Db } from '../_lib/db';

type Where = Record<string, unknown>;

export const anyOf = (db: Db, clauses: Where[]): Where => db.command.or(clauses) as unknown as Where;
export const allOf = (db: Db, clauses: Where[]): Where => db.command.and(clauses) as unknown as Where;
