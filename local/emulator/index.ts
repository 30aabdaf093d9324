/**
 * The local CloudBase emulator: an HTTP server speaking the wire protocol wx-server-sdk 4.0.2 uses, at `<url>/admin`.
 * JSON POSTs are database actions; multipart POSTs are wx.openApi calls (openapi.ts). Local extras live under /_local.
 */
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { COLLECTIONS, geoIndexesOf } from '../../src/shared/collections';
import { createClientAccess } from './client-access';
import { createDatabase, TOP_LEVEL_ACTIONS } from './database';
import { toWireError } from './errors';
import { newId } from './ids';
import { Journal, type Recovery } from './journal';
import { lockDataDir } from './lock';
import { createOpenApi } from './openapi';
import { createShapeRecorder } from './query-shapes';
import { STORAGE_ACTIONS, createStorage } from './storage';
import { Store, type UniqueSpec } from './store';
import { Transactions } from './transactions';

export interface EmulatorOptions {
  /** 0 = any free port */
  port?: number;
  host?: string;
  dataDir: string;
  /** fdatasync each group commit before answering (default true); false keeps only the kill -9 guarantee */
  fsync?: boolean;
  /** journal size that triggers compaction while running (default 64 MB) */
  compactMinBytes?: number;
  /** recovery notes at start (default console.warn) */
  log?: (line: string) => void;
}

export interface Emulator {
  url: string;
  adminUrl: string;
  port: number;
  /** damaged files found and recovered at start */
  recoveries: Recovery[];
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  // One writer per data folder: fails (DataDirLockedError) before any other file is opened.
  const lock = lockDataDir(options.dataDir);
  let journal: Journal;
  let store: Store;
  let recoveries: Recovery[];
  try {
    journal = new Journal(options.dataDir, { fsync: options.fsync, compactMinBytes: options.compactMinBytes, log: options.log });
    const unique = new Map<string, readonly UniqueSpec[]>(COLLECTIONS.map((c) => [c.name, c.unique]));
    store = new Store(journal, unique);
    const loaded = journal.load();
    recoveries = loaded.recoveries;
    store.load(loaded.collections);
    store.declare(COLLECTIONS.map((c) => c.name));
    journal.flush();
  } catch (error) {
    lock.release();
    throw error;
  }
  const transactions = new Transactions(store);
  const geo = new Map(COLLECTIONS.map((c) => [c.name, geoIndexesOf(c).map((index) => index.field)]));
  const shapes = createShapeRecorder();
  // Only the functions' queries count (their SDK sends X-TCB-Source); a test reading the emulator directly does not.
  let fromFunction = false;
  const database = createDatabase(store, transactions, geo, (collection, query, order) => {
    if (fromFunction) shapes.record(collection, query, order);
  });
  const clientAccess = createClientAccess(store, options.dataDir);
  const openApi = createOpenApi({ dataDir: options.dataDir });
  const storage = createStorage(options.dataDir);
  const stats = new Map<string, number>();
  const count = (action: string) => stats.set(action, (stats.get(action) ?? 0) + 1);

  async function handleDatabase(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newId();
    let action = 'unknown';
    let answer: Record<string, unknown>;
    try {
      const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      action = String(body.action);
      count(action);
      fromFunction = !/^,|^$/.test(String(req.headers['x-tcb-source'] ?? ''));
      const result = STORAGE_ACTIONS.has(action)
        ? storage.run(action, body, `http://${req.headers.host ?? '127.0.0.1'}`)
        : database.run(action, body);
      answer = TOP_LEVEL_ACTIONS.has(action) ? { ...result, requestId } : { data: result, requestId };
    } catch (error) {
      answer = { ...toWireError(error), requestId };
    }
    // Answer only once every write so far (this one included) is in the journal.
    journal.afterFlush(() => sendJson(res, 200, answer));
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'POST' && url.pathname === '/admin') {
      if (/multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
        count('wx.openApi');
        return openApi.handle(req, res);
      }
      return handleDatabase(req, res);
    }
    if (url.pathname === '/_local/health' && req.method === 'GET') return sendJson(res, 200, { ok: true });
    if (url.pathname.startsWith('/_local/upload/') && req.method === 'PUT') return storage.upload(req, res, url.pathname.slice('/_local/upload/'.length));
    if (url.pathname.startsWith('/_local/files/') && req.method === 'GET') return storage.serve(res, url.pathname.slice('/_local/files/'.length));
    if (url.pathname === '/_local/outbox' && req.method === 'GET') return sendJson(res, 200, openApi.outbox());
    if (url.pathname === '/_local/outbox' && req.method === 'DELETE') {
      openApi.clearOutbox();
      return sendJson(res, 200, { ok: true });
    }
    if (url.pathname.startsWith('/_local/client/') && (await clientAccess.handle(req, res, url))) return;
    if (url.pathname === '/_local/query-shapes' && req.method === 'GET') return sendJson(res, 200, { shapes: shapes.shapes() });
    if (url.pathname === '/_local/stats' && req.method === 'GET') {
      return sendJson(res, 200, { requests: Object.fromEntries(stats) });
    }
    if (url.pathname === '/_local/stats/reset' && req.method === 'POST') {
      stats.clear();
      return sendJson(res, 200, { ok: true });
    }
    sendJson(res, 404, { code: 'NOT_FOUND', message: `no route ${req.method} ${url.pathname}` });
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'SYS_ERR', message: String(error) });
    });
  });
  server.keepAliveTimeout = 60_000;
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    transactions.close();
    journal.close();
    lock.release();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  lock.describe(url);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }).then(() => {
      transactions.close();
      journal.close();
      lock.release();
    }));

  return { url, adminUrl: `${url}/admin`, port, recoveries, stop };
}
