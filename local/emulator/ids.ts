import { randomBytes } from 'node:crypto';

let pool = Buffer.alloc(0);
let offset = 0;

/** A CloudBase-like document id: 32 lowercase hex characters. */
export function newId(): string {
  if (offset + 16 > pool.length) {
    pool = randomBytes(16 * 1024);
    offset = 0;
  }
  const id = pool.toString('hex', offset, offset + 16);
  offset += 16;
  return id;
}

/**
 * The store's key for a document _id. CloudBase keeps a numeric _id a number (`where({_id: 5})` finds it and
 * `where({_id: '5'})` does not), so numbers get a key of their own that no string id can take.
 */
export const docKey = (id: unknown): string => (typeof id === 'number' ? `\u0000#${id}` : String(id));
