/** Who is calling: the X-Local-Openid header (scripts, tests) or the local_openid cookie set by the sign-in page. */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PERSON_META } from '../../src/shared/h5-shell';

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

/**
 * The person tag the app's page is served with (PERSON_META): screens kept on the device are kept per person,
 * so switching the demo person never shows the previous one's screens. Opaque: not the openid itself.
 */
export function personTag(openid: string): string {
  return createHash('sha256').update(`ylt-person:${openid}`).digest('base64url').slice(0, 16);
}

/** The app's page with the person it is served for written in (nothing when no one is signed in). */
export function withPersonTag(req: IncomingMessage, html: string): string {
  const openid = readOpenid(req);
  if (!openid) return html;
  return html.replace('<head>', `<head><meta name="${PERSON_META}" content="${personTag(openid)}">`);
}
