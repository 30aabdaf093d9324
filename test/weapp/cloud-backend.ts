/**
 * The weapp test's cloud: a child process (jsdom cannot host the SDK) running the built cloud functions
 * through local/runtime against a fresh emulator seeded with the demo county. It prints its URL, then
 * answers POST {name, data, openid} with {result} exactly as wx.cloud.callFunction resolves.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRuntime } from '../../local/runtime';
import { seed } from '../../local/seed';
import { connectDatabase } from '../../local/seed/connect';
import { startTestEmulator } from '../helpers/emulator';

async function main(): Promise<void> {
  const emulator = await startTestEmulator();
  // createRuntime points the SDK at the emulator (configureSdkEnvironment must run only once per process).
  const runtime = createRuntime({ adminUrl: emulator.adminUrl });
  await seed(connectDatabase(), { now: new Date() });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        try {
          const { name, data, openid } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { name: string; data: unknown; openid: string };
          const result = await runtime.invoke(name, data, { openid });
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result }));
        } catch (error) {
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
        }
      })();
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/` })}\n`);
  });

  const stop = async (): Promise<void> => {
    server.close();
    await emulator.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`cloud backend failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
