/**
 * The local gateway of the preview (never part of the mini-program): serves the H5 build, runs
 * `POST /api/<function>` through the local runtime as the signed-in demo identity, takes staff uploads
 * (`POST /api/_upload`, see upload.ts), and offers the local
 * sign-in page and the subscribe-message outbox under /local/.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Runtime } from '../runtime';
import type { TriggerRunner } from '../runtime/triggers';
import { findDemoAccount } from '../seed/demo-accounts';
import { handleApi } from './api';
import { handleClock } from './clock';
import { badRequestPage, outboxPage, signinPage, type OutboxEntry } from './pages';
import { readBody, redirect, sendError, sendHtml, sendJson } from './http';
import { clearedIdentityCookie, identityCookie, readOpenid, withPersonTag } from './identity';
import { createStaticHandler } from './static';
import { handleUpload, UPLOAD_PATH } from './upload';

export interface GatewayOptions {
  /** 0 = any free port */
  port: number;
  host?: string;
  h5Dir: string;
  runtime: Runtime;
  /** the emulator's admin URL (its /_local/outbox is shown at /local/outbox) */
  adminUrl: string;
  /** timer triggers on the local clock (POST /local/clock) */
  triggers?: TriggerRunner;
}

export interface Gateway {
  url: string;
  stop(): Promise<void>;
}

const FORM_LIMIT = 4 * 1024;

async function handleSignin(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD') return sendHtml(res, 200, signinPage(readOpenid(req)));
  if (req.method !== 'POST') return sendHtml(res, 405, badRequestPage('请在选择身份页面点按钮。'));
  const form = new URLSearchParams((await readBody(req, FORM_LIMIT)).toString('utf8'));
  const account = findDemoAccount(form.get('openid') ?? '');
  if (!account) return sendHtml(res, 400, signinPage(readOpenid(req), '没有这个演示身份，请重新选择。'));
  redirect(res, '/', { 'set-cookie': identityCookie(account.openid) });
}

/** The outbox as HTML, or as a JSON array of {touser, templateId, page, data, sentAt} when asked with Accept: application/json. */
async function handleOutbox(req: IncomingMessage, res: ServerResponse, adminUrl: string): Promise<void> {
  let messages: OutboxEntry[] | null = null;
  try {
    const answer = await fetch(new URL('/_local/outbox', adminUrl), { signal: AbortSignal.timeout(3000) });
    if (answer.ok) {
      const body = (await answer.json()) as unknown;
      messages = Array.isArray(body) ? (body as OutboxEntry[]) : null;
    }
  } catch {
    messages = null;
  }
  if (/application\/json/i.test(req.headers.accept ?? '')) {
    return messages === null ? sendError(res, 503, 'SYSTEM.ERROR') : sendJson(res, 200, messages);
  }
  sendHtml(res, 200, outboxPage(messages));
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const host = options.host ?? '127.0.0.1';
  const serveStatic = createStaticHandler(options.h5Dir, withPersonTag);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only the path is used; a raw path keeps encoded traversal attempts visible to the static handler.
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (rawPath === UPLOAD_PATH) return handleUpload(req, res, options.runtime);
    const api = /^\/api\/([^/]+)\/?$/.exec(rawPath);
    if (api) return handleApi(req, res, api[1] ?? '', options.runtime);
    if (rawPath.startsWith('/api/')) return sendError(res, 404, 'INPUT.UNKNOWN_FUNCTION');
    if (rawPath === '/local/signin') return handleSignin(req, res);
    if (rawPath === '/local/signout') return redirect(res, '/local/signin', { 'set-cookie': clearedIdentityCookie() });
    if (rawPath === '/local/outbox') return handleOutbox(req, res, options.adminUrl);
    if (rawPath === '/local/clock' && options.triggers) return handleClock(req, res, options.triggers);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'INPUT.INVALID');
    // the app is not started before someone is chosen: it would only make calls answered with AUTH.NO_IDENTITY
    if ((rawPath === '/' || rawPath === '/index.html') && !readOpenid(req)) return redirect(res, '/local/signin');
    serveStatic(req, res, rawPath);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('[gateway] request failed:', error);
      if (!res.headersSent) sendError(res, 500, 'SYSTEM.ERROR');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
