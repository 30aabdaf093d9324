/**
 * Serves the H5 build: files with their content types, index.html for unknown page paths (the app uses a
 * hash router, so any such path is the app), nothing outside the root. The app's page (index.html) can be
 * rewritten per request (`shell`): the gateway writes in whom it is served for.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendHtml } from './http';
import { notBuiltPage } from './pages';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

/** The real path of a regular file under root for this URL path, or why not. */
function resolveFile(root: string, urlPath: string): { file: string } | 'forbidden' | 'missing' {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return 'forbidden';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'forbidden';
  const candidate = path.resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  if (!isInside(root, candidate)) return 'forbidden';
  try {
    const real = fs.realpathSync(candidate);
    if (!isInside(root, real)) return 'forbidden';
    return fs.statSync(real).isFile() ? { file: real } : 'missing';
  } catch {
    return 'missing';
  }
}

/** Rewrites the app's page for one request (e.g. writes in whom it is served for). */
export type ShellRewrite = (req: IncomingMessage, html: string) => string;

/** Files up to this size are kept in memory once read (the H5 build: scripts up to about 650 KB). */
const KEEP_MAX_BYTES = 4 * 1024 * 1024;

interface KeptFile {
  mtimeMs: number;
  size: number;
  body: Buffer;
}

/**
 * The file's bytes, kept while it is unchanged on disk (a rebuild replaces them). Sent in one write: a streamed file
 * goes out a chunk per event-loop turn, and the turns are shared with the cloud calls this process runs, so the
 * app's scripts arrived behind the home screen's call.
 */
function fileBytes(kept: Map<string, KeptFile>, file: string): Buffer | null {
  const stat = fs.statSync(file);
  const known = kept.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.body;
  if (stat.size > KEEP_MAX_BYTES) return null;
  const body = fs.readFileSync(file);
  kept.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body });
  return body;
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, kept: Map<string, KeptFile>, rewrite?: ShellRewrite): void {
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const body = rewrite ? Buffer.from(rewrite(req, fs.readFileSync(file, 'utf8')), 'utf8') : fileBytes(kept, file);
  res.writeHead(200, {
    'content-type': type,
    'content-length': body ? body.length : fs.statSync(file).size,
    'cache-control': type.startsWith('text/html') ? 'no-cache' : 'public, max-age=300',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else if (body) res.end(body);
  else fs.createReadStream(file).pipe(res);
}

export function createStaticHandler(h5Dir: string, shell?: ShellRewrite): (req: IncomingMessage, res: ServerResponse, urlPath: string) => void {
  const root = fs.existsSync(h5Dir) ? fs.realpathSync(h5Dir) : path.resolve(h5Dir);
  const indexFile = path.join(root, 'index.html');
  const kept = new Map<string, KeptFile>();
  return (req, res, urlPath) => {
    const found = resolveFile(root, urlPath);
    if (found === 'forbidden') return sendHtml(res, 403, '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>禁止访问</title><p>禁止访问</p></html>');
    if (found !== 'missing') return sendFile(req, res, found.file, kept, found.file === indexFile ? shell : undefined);
    const ext = path.extname(urlPath).toLowerCase();
    if (ext && ext !== '.html') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('Not found');
    }
    if (!fs.existsSync(indexFile)) return sendHtml(res, 503, notBuiltPage());
    sendFile(req, res, indexFile, kept, shell);
  };
}
