/** A clean restart on the same data dir keeps documents, created collections and unique-index enforcement. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../local/emulator';

async function post(adminUrl: string, body: object): Promise<Record<string, unknown>> {
  const response = await fetch(adminUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json()) as Record<string, unknown>;
}

test('restart keeps data, runtime collections and unique indexes', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylt-restart-'));
  try {
    const first = await startEmulator({ port: 0, dataDir });
    await post(first.adminUrl, { action: 'database.insertDocument', collectionName: 'members', data: ['{"_id":"m1","rosterNo":"R1","at":{"$date":{"$numberLong":"0"}}}'] });
    await post(first.adminUrl, { action: 'database.addCollection', collectionName: 'extra' });
    await post(first.adminUrl, { action: 'database.insertDocument', collectionName: 'extra', data: ['{"_id":"e1"}'] });
    await post(first.adminUrl, { action: 'database.removeDocument', collectionName: 'extra', query: '{"_id":"e1"}', queryType: 'DOC' });
    await first.stop();
    const lines = fs.readFileSync(path.join(dataDir, 'journal.jsonl'), 'utf8').trim().split('\n');
    expect(lines.filter((line) => line.startsWith('{"o"'))).toHaveLength(3);

    const second = await startEmulator({ port: 0, dataDir });
    try {
      // The journal was compacted into the snapshot at start.
      expect(fs.statSync(path.join(dataDir, 'journal.jsonl')).size).toBe(0);
      const got = await post(second.adminUrl, { action: 'database.getDocument', collectionName: 'members', query: '{"_id":"m1"}', queryType: 'DOC' });
      expect((got.data as { list: string[] }).list).toEqual(['{"_id":"m1","rosterNo":"R1","at":{"$date":{"$numberLong":"0"}}}']);
      const extra = await post(second.adminUrl, { action: 'database.calculateDocument', collectionName: 'extra', query: '{}' });
      expect(extra.data).toEqual({ total: 0 });
      const dup = await post(second.adminUrl, { action: 'database.insertDocument', collectionName: 'members', data: ['{"rosterNo":"R1"}'] });
      expect(dup.code).toBe('DATABASE_REQUEST_FAILED');
      expect(dup.message).toContain('E11000');
    } finally {
      await second.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
