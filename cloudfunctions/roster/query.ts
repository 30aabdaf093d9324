/** Logic commands as `where` objects: wx-server-sdk types _.or/_.and as commands, which where() takes as well. */
import type { Db, Where } from '../_lib/db';

export const anyOf = (db: Db, clauses: Where[]): Where => db.command.or(clauses);
export const allOf = (db: Db, clauses: Where[]): Where => db.command.and(clauses);
