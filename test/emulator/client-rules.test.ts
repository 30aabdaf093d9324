/**
 * The declared security rules, enforced for direct client access (a page calling wx.cloud.database() or
 * wx.cloud.uploadFile itself, bypassing the functions): a member cannot read another member's documents or files.
 */
import { COLLECTIONS } from '../../src/shared/collections';
import { allows, parseRule } from '../../local/emulator/rules';
import { STORAGE_RULES } from '../../src/shared/storage-rules';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { connectSdk } from '../helpers/sdk';

let emulator: TestEmulator;
const A = 'openid-member-a';
const B = 'openid-member-b';

async function client(body: object): Promise<{ status: number; body: { code?: string; data?: unknown[]; total?: number } }> {
  const res = await fetch(`${emulator.url}/_local/client/database`, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { code?: string } };
}

async function file(method: 'GET' | 'PUT' | 'DELETE', path: string, openid: string | null, bytes?: string): Promise<{ status: number; text: string }> {
  const query = openid ? `?openid=${openid}` : '';
  const res = await fetch(`${emulator.url}/_local/client/storage/${path}${query}`, { method, body: bytes });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  const { db } = connectSdk(emulator.adminUrl);
  await db.collection('members').add({ data: [{ _id: 'm-a', rosterNo: 'R1', name: '王建国', phone: '13800000001', _openid: A }, { _id: 'm-b', rosterNo: 'R2', name: '刘振山', phone: '13800000002', _openid: B }] });
  await db.collection('accounts').add({ data: [{ _id: 'acc-a', openid: A, bindingKey: 'k-a', role: 'member', memberId: 'm-a' }, { _id: 'acc-b', openid: B, bindingKey: 'k-b', role: 'member', memberId: 'm-b' }] });
  await db.collection('suggestions').add({ data: [{ _id: 's-a', memberId: 'm-a', content: '路灯坏了', _openid: A }] });
});
afterAll(() => emulator.stop());

describe('database rules for direct client access', () => {
  it('every declared rule parses', () => {
    for (const c of COLLECTIONS) for (const rule of Object.values((c as { rules?: object }).rules ?? {})) expect(() => parseRule(rule as string)).not.toThrow();
    expect(() => parseRule(STORAGE_RULES.read)).not.toThrow();
    expect(() => parseRule(STORAGE_RULES.write)).not.toThrow();
  });

  it.each(['members', 'accounts', 'suggestions'])('a member cannot read %s directly, not even their own', async (collection) => {
    for (const request of [
      { openid: B, collection, action: 'get', where: {} },
      { openid: B, collection, action: 'get', docId: collection === 'members' ? 'm-a' : 'acc-a' },
      { openid: A, collection, action: 'get', where: { _openid: A } },
      { openid: B, collection, action: 'count', where: {} },
    ]) {
      const answer = await client(request);
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('DATABASE_PERMISSION_DENIED');
    }
  });

  it('no collection takes a client write', async () => {
    for (const c of COLLECTIONS) {
      const add = await client({ openid: A, collection: c.name, action: 'add', data: { x: 1 } });
      expect([c.name, add.status]).toEqual([c.name, 403]);
    }
    const promote = await client({ openid: A, collection: 'accounts', action: 'update', docId: 'acc-a', data: { role: 'admin' } });
    expect(promote.status).toBe(403);
    const { db } = connectSdk(emulator.adminUrl);
    expect((await db.collection('accounts').doc('acc-a').get()).data.role).toBe('member');
  });

  it('rules validate, not filter: an owner rule allows only queries pinned to the caller', () => {
    const owner = 'doc._openid == auth.openid';
    expect(allows(owner, { auth: { openid: A }, doc: {} })).toBe(false); // where({}) could match others' documents
    expect(allows(owner, { auth: { openid: A }, doc: { _openid: A } })).toBe(true);
    expect(allows(owner, { auth: { openid: A }, doc: { _openid: B } })).toBe(false);
    expect(allows(owner, { auth: null, doc: { _openid: A } })).toBe(false);
    expect(allows("doc.status in ['open', 'closed'] && !(doc.n > 3)", { doc: { status: 'open', n: 2 } })).toBe(true);
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(allows("get('database.accounts.x').role == 'admin'", { doc: {} })).toBe(false); // unsupported = denied
    expect(quiet).toHaveBeenCalledTimes(1);
    quiet.mockRestore();
  });
});

describe('storage rules for direct client access', () => {
  const photoA = `suggestions/${A}/1-photo.jpg`;

  it('a member uploads into their own folder and reads their own file back', async () => {
    expect((await file('PUT', photoA, A, 'jpeg-bytes-of-a')).status).toBe(200);
    expect(await file('GET', photoA, A)).toEqual({ status: 200, text: 'jpeg-bytes-of-a' });
  });

  it("another member can neither read, overwrite nor delete it", async () => {
    expect((await file('GET', photoA, B)).status).toBe(403);
    expect((await file('PUT', photoA, B, 'replaced')).status).toBe(403);
    expect((await file('DELETE', photoA, B)).status).toBe(403);
    expect((await file('GET', photoA, null)).status).toBe(403);
    expect(await file('GET', photoA, A)).toEqual({ status: 200, text: 'jpeg-bytes-of-a' });
  });

  it('nobody writes outside the upload folders or reads what the functions stored', async () => {
    expect((await file('PUT', `exports/${A}.xlsx`, A, 'x')).status).toBe(403);
    expect((await file('PUT', 'avatar.png', A, 'x')).status).toBe(403);
    const { cloud } = connectSdk(emulator.adminUrl);
    await cloud.uploadFile({ cloudPath: 'exports/roster.xlsx', fileContent: Buffer.from('all members') });
    expect((await file('GET', 'exports/roster.xlsx', A)).status).toBe(403);
  });
});
