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
