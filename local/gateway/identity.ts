/** Who is calling: the X-Local-Openid header (scripts, tests) or the local_openid cookie set by the sign-in page. */
import type { IncomingMessage } from 'node:http';

export const IDENTITY_HEADER = 'x-local-openid';
export const IDENTITY_COOKIE = 'local_openid';
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
const THIRTY_DAYS_S = 30 * 24 * 3600;

export function isValidOpenid(value: string): boolean {
  return OPENID.test(value);
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

export function readOpenid(req: IncomingMessage): string | null {
  const header = req.headers[IDENTITY_HEADER];
  const candidate = (Array.isArray(header) ? header[0] : header)?.trim() || readCookie(req, IDENTITY_COOKIE);
  return candidate && isValidOpenid(candidate) ? candidate : null;
}

export function identityCookie(openid: string): string {
  return `${IDENTITY_COOKIE}=${encodeURIComponent(openid)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${THIRTY_DAYS_S}`;
}

export function clearedIdentityCookie(): string {
  return `${IDENTITY_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
