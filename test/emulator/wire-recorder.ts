/**
 * A recording backend: answers the SDK with canned successes and keeps every JSON body it receives, minus the
 * volatile signing/auth fields. Used to capture and check the wire format of wx-server-sdk.
 */
import http from 'node:http';
import { type AddressInfo } from 'node:net';

export type WireBody = Record<string, unknown>;

/** Fields that carry credentials or per-call tokens, not the protocol. */
const VOLATILE = ['wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'crossAuthorizationToken'];
export const RECORDED_TRANSACTION_ID = 'recorded-transaction';

function canned(body: WireBody): WireBody {
  const action = String(body.action);
  const data = (fields: WireBody) => ({ data: fields, requestId: 'recorded' });
  switch (action) {
    case 'database.insertDocument':
      return data({ insertedIds: (body.data as unknown[]).map((_, i) => `id${i}`) });
    case 'database.getDocument':
      return data({ list: ['{"_id":"d1","n":{"$numberInt":"1"}}'] });
    case 'database.aggregateDocuments':
      return data({ list: [] });
    case 'database.calculateDocument':
      return data({ total: 0 });
    case 'database.modifyDocument':
      return data({ updated: 1 });
    case 'database.removeDocument':
      return data({ deleted: 1 });
    case 'database.startTransaction':
      return { transactionId: RECORDED_TRANSACTION_ID, requestId: 'recorded' };
    default:
      return data({});
  }
}

export async function startRecorder(): Promise<{ adminUrl: string; take(): WireBody[]; stop(): Promise<void> }> {
  let bodies: WireBody[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(text) as WireBody;
      for (const field of VOLATILE) delete body[field];
      bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(canned(body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    adminUrl: `http://127.0.0.1:${port}/admin`,
    take() {
      const taken = bodies;
      bodies = [];
      return taken;
    },
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
