/**
 * Direct client access, as a page's wx.cloud.database() / wx.cloud.uploadFile would reach CloudBase, with the
 * declared security rules enforced (src/shared/collections.ts rules, src/shared/storage-rules.ts). Cloud functions
 * never come here: they use the admin wire protocol, which bypasses rules as on the real platform. The app itself
 * never calls these; they exist so tests can prove what a member could do by going around the functions.
 *
 * POST /_local/client/database {openid, collection, action: get|count|add|update|remove, docId?, where?, data?}
 *   Rules validate, they do not filter (cloudbase-deploy.md §4): a query is allowed only when the rule holds for
 *   every document it could match, judged from the query's own equality conditions (doc.x = the value the query
 *   pins x to; a field it does not pin is unknown and satisfies nothing). doc(id) reads and writes are judged
 *   against the stored document; add against the new one, which gets _openid = the caller as the client SDK does.
 * PUT|GET|DELETE /_local/client/storage/<path>?openid=…  upload, download, delete one file; resource.openid is the
 *   file's uploader (a new file: the caller), resource.path its path. Files the functions store have no client
 *   owner. Denied: 403 {code: 'DATABASE_PERMISSION_DENIED' | 'STORAGE_PERMISSION_DENIED'}.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { COLLECTIONS, rulesOf, type CollectionSpec } from '../../src/shared/collections';
import { STORAGE_RULES } from '../../src/shared/storage-rules';
import { type Doc } from './ejson';
import { newId } from './ids';
import { Query, update as applyUpdate } from './mingo';
import { allows, type RuleValue } from './rules';
import { safeCloudPath } from './storage';
import { type Store } from './store';

type Rules = { read: RuleValue; write: RuleValue; create?: RuleValue; update?: RuleValue; delete?: RuleValue };

const RULES = new Map<string, Rules>((COLLECTIONS as readonly CollectionSpec[]).map((c) => [c.name, rulesOf(c)]));
const OPTIONS = { scriptEnabled: false } as const;

class Denied extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** What a query pins: field -> value for plain equality conditions (top level and inside $and). */
export function pinnedFields(where: Doc): Doc {
  const pinned: Doc = {};
  for (const [key, value] of Object.entries(where)) {
    if (key === '$and' && Array.isArray(value)) Object.assign(pinned, ...value.map((part) => pinnedFields(part as Doc)));
    else if (key.startsWith('$')) continue;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const ops = value as Doc;
      if (Object.keys(ops).length === 1 && '$eq' in ops) pinned[key] = ops.$eq;
    } else pinned[key] = value;
  }
  return pinned;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Doc> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as Doc) : {};
}

export function createClientAccess(store: Store, dataDir: string) {
  const root = path.join(dataDir, 'files');
  const ownersFile = path.join(dataDir, 'client-file-owners.json');
  const owners = new Map<string, string>(fs.existsSync(ownersFile) ? Object.entries(JSON.parse(fs.readFileSync(ownersFile, 'utf8')) as Record<string, string>) : []);
  const saveOwners = () => fs.writeFileSync(ownersFile, JSON.stringify(Object.fromEntries(owners)));
  const fileOf = (cloudPath: string) => path.join(root, ...cloudPath.split('/'));

  function database(body: Doc): unknown {
    const openid = typeof body.openid === 'string' && body.openid ? body.openid : null;
    const collection = String(body.collection);
    const rules = RULES.get(collection);
    const coll = store.collection(collection);
    const auth = openid ? { openid } : null;
    const now = Date.now();
    const check = (rule: RuleValue | undefined, doc: Doc, data?: Doc) => {
      if (!allows(rule ?? false, { auth, doc, request: { data }, now })) {
        throw new Denied('DATABASE_PERMISSION_DENIED', `permission denied: ${String(body.action)} on ${collection}`);
      }
    };
    const where = (body.where ?? {}) as Doc;
    const docId = typeof body.docId === 'string' ? body.docId : null;
    const stored = docId ? (coll.get(docId) ?? { _id: docId }) : null;
    const matching = () => {
      if (docId) return coll.get(docId) ? [coll.get(docId) as Doc] : [];
      const query = new Query(where, OPTIONS);
      return coll.docs().filter((doc) => query.test(doc));
    };
    switch (body.action) {
      case 'get':
      case 'count': {
        check(rules?.read, stored ?? pinnedFields(where));
        const docs = matching();
        return body.action === 'count' ? { total: docs.length } : { data: docs.slice(0, 20) };
      }
      case 'add': {
        const data: Doc = { ...((body.data ?? {}) as Doc), _openid: openid };
        check(rules?.create ?? rules?.write, data, data);
        const id = typeof data._id === 'string' ? data._id : newId();
        store.apply([{ collection, id, after: { ...data, _id: id } }]);
        return { _id: id };
      }
      case 'update':
      case 'remove': {
        const data = (body.data ?? {}) as Doc;
        check(body.action === 'update' ? (rules?.update ?? rules?.write) : (rules?.delete ?? rules?.write), stored ?? pinnedFields(where), data);
        const docs = matching();
        if (body.action === 'remove') store.apply(docs.map((doc) => ({ collection, id: String(doc._id), after: null })));
        else {
          store.apply(docs.map((doc) => {
            const next = structuredClone(doc);
            applyUpdate(next, { $set: data } as never, { queryOptions: OPTIONS });
            return { collection, id: String(doc._id), after: next };
          }));
        }
        return { updated: docs.length };
      }
      default:
        throw new Denied('INVALID_PARAM', `unknown action ${String(body.action)}`);
    }
  }

  async function storage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const cloudPath = safeCloudPath(decodeURIComponent(url.pathname.slice('/_local/client/storage/'.length)));
    if (!cloudPath) return send(res, 400, { code: 'INVALID_PARAM', message: 'bad path' });
    const openid = url.searchParams.get('openid') || null;
    const owner = owners.get(cloudPath);
    const exists = fs.existsSync(fileOf(cloudPath));
    const verb = req.method === 'GET' ? 'read' : 'write';
    const resource = { openid: exists ? owner : (verb === 'write' ? (openid ?? undefined) : undefined), path: cloudPath };
    if (!allows(STORAGE_RULES[verb], { auth: openid ? { openid } : null, resource, now: Date.now() })) {
      return send(res, 403, { code: 'STORAGE_PERMISSION_DENIED', message: `permission denied: ${verb} ${cloudPath}` });
    }
    if (req.method === 'GET') {
      if (!exists) return send(res, 404, { code: 'STORAGE_FILE_NONEXIST', message: 'no such file' });
      const bytes = fs.readFileSync(fileOf(cloudPath));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length }).end(bytes);
      return;
    }
    if (req.method === 'DELETE') {
      if (exists) fs.rmSync(fileOf(cloudPath));
      owners.delete(cloudPath);
      saveOwners();
      return send(res, 200, { ok: true });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    fs.mkdirSync(path.dirname(fileOf(cloudPath)), { recursive: true });
    fs.writeFileSync(fileOf(cloudPath), Buffer.concat(chunks));
    if (!exists && openid) owners.set(cloudPath, openid);
    saveOwners();
    return send(res, 200, { ok: true, fileId: cloudPath });
  }

  return {
    /** Serves /_local/client/*; false when the path is not one of its routes. */
    async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
      if (url.pathname === '/_local/client/database' && req.method === 'POST') {
        try {
          send(res, 200, database(await readJson(req)));
        } catch (error) {
          if (error instanceof Denied) send(res, error.code === 'INVALID_PARAM' ? 400 : 403, { code: error.code, message: error.message });
          else send(res, 400, { code: 'INVALID_PARAM', message: (error as Error).message });
        }
        return true;
      }
      if (url.pathname.startsWith('/_local/client/storage/') && ['GET', 'PUT', 'DELETE'].includes(req.method ?? '')) {
        await storage(req, res, url);
        return true;
      }
      return false;
    },
  };
}
