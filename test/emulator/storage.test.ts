/** Cloud storage through the real wx-server-sdk: upload, temporary URLs that serve the bytes, missing files, delete. */
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { connectSdk, type Cloud } from '../helpers/sdk';

let emulator: TestEmulator;
let cloud: Cloud;

beforeAll(async () => {
  emulator = await startTestEmulator();
  cloud = connectSdk(emulator.adminUrl).cloud;
});
afterAll(() => emulator.stop());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('storage', () => {
  it('uploads, answers a temporary URL that serves exactly the bytes, and deletes', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'notices/意见 全文.pdf', fileContent: PDF });
    expect(fileID).toMatch(/^cloud:\/\/[^/]+\/notices\/意见 全文\.pdf$/);

    const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }, 'cloud://local-env.6c6f-local-env-1300000000/none.png'] });
    expect(fileList[0]).toMatchObject({ fileID, status: 0, maxAge: 600 });
    expect(fileList[1].status).not.toBe(0);
    expect(fileList[1].tempFileURL).toBe('');

    const response = await fetch(fileList[0].tempFileURL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);

    const deleted = await cloud.deleteFile({ fileList: [fileID] });
    expect(deleted.fileList[0]).toMatchObject({ fileID, status: 0 });
    expect((await fetch(fileList[0].tempFileURL)).status).toBe(404);
    const again = await cloud.getTempFileURL({ fileList: [fileID] });
    expect(again.fileList[0].status).not.toBe(0);
  });

  it('keeps files inside the data folder: traversal paths are refused', async () => {
    await expect(cloud.uploadFile({ cloudPath: '../escape.txt', fileContent: Buffer.from('x') })).rejects.toBeTruthy();
    expect((await fetch(`${emulator.url}/_local/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    const { fileList } = await cloud.getTempFileURL({ fileList: ['cloud://local-env.6c6f-local-env-1300000000/../journal.jsonl'] });
    expect(fileList[0].status).not.toBe(0);
  });
});
