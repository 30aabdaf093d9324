/**
 * The emulator's wx.openApi endpoint: what wx-server-sdk's cloud.openapi.<module>.<method>(args) reaches.
 * Emulated: security.msgSecCheck, subscribeMessage.send (outbox), wxacode.getUnlimited; any other API gets
 * errcode -604101 naming it. Wire details in openapi-wire.ts and shared/cloudbase-wire.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createOutbox, type OutboxMessage } from './openapi-outbox';
import { loadWordList, msgSecCheck } from './openapi-sensitive';
import { isImageAnswer, type ApiAnswer } from './openapi-types';
import { decodeApiData, encodeOpenApiResp, readMultipart, type DecodedApiData } from './openapi-wire';
import { getUnlimited } from './openapi-wxacode';

export type { OutboxMessage } from './openapi-outbox';
export { isMultipart } from './openapi-wire';

export interface OpenApi {
  /** Handles a multipart/form-data POST to /admin with action=wx.openApi. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Subscribe messages sent, oldest first. */
  outbox(): OutboxMessage[];
  clearOutbox(): void;
}

export interface OpenApiRequest {
  /** The multipart text fields (action, apiName ...). */
  fields: Record<string, string>;
  apiName: string;
  /** The protobuf CommApiData as sent, and decoded. */
  requestData: Buffer;
  data: DecodedApiData;
}

/** Reads and decodes one openapi request; throws an Error whose message says what is wrong. */
export async function readOpenApiRequest(req: IncomingMessage): Promise<OpenApiRequest> {
  const form = await readMultipart(req);
  const { action, apiName } = form.fields;
  if (action !== 'wx.openApi') throw new Error(`unsupported multipart action: ${action ?? '(none)'}`);
  if (!apiName) throw new Error('apiName is required');
  const requestData = form.files.requestData;
  if (!requestData) throw new Error('requestData is required');
  let data: DecodedApiData;
  try {
    data = decodeApiData(requestData);
  } catch (error) {
    throw new Error(`requestData is not a CommApiData: ${(error as Error).message}`);
  }
  if (data.apiType !== 'OPEN_API') throw new Error(`unsupported apiType ${data.apiType} for ${apiName}`);
  return { fields: form.fields, apiName, requestData, data };
}

const unknownApi = (apiName: string): ApiAnswer => ({
  errcode: -604101,
  errmsg: `function has no permission to call this API: ${apiName} is not provided by the local emulator`,
});

function respond(res: ServerResponse, status: number, contentType: string, body: Buffer): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': body.length });
  res.end(body);
}

export function createOpenApi(opts: { dataDir: string }): OpenApi {
  const outbox = createOutbox(opts.dataDir);
  const words = loadWordList();
  const apis = new Map<string, (args: Record<string, unknown>) => ApiAnswer | Promise<ApiAnswer>>([
    ['security.msgSecCheck', (args) => msgSecCheck(words, args)],
    ['subscribeMessage.send', (args) => outbox.send(args)],
    ['wxacode.getUnlimited', getUnlimited],
  ]);

  async function answerFor({ apiName, data }: OpenApiRequest): Promise<ApiAnswer> {
    const api = apis.get(apiName);
    if (!api) return unknownApi(apiName);
    try {
      return await api(data.args);
    } catch (error) {
      return { errcode: -1, errmsg: `system error in the local ${apiName}: ${(error as Error).message}` };
    }
  }

  return {
    async handle(req, res) {
      let request: OpenApiRequest;
      try {
        request = await readOpenApiRequest(req);
      } catch (error) {
        // A TCB-level error: the SDK reads JSON bodies sent with exactly this content-type.
        const body = { code: 'INVALID_PARAM', message: (error as Error).message, requestId: `local-${Date.now()}` };
        respond(res, 200, 'application/json; charset=utf-8', Buffer.from(JSON.stringify(body)));
        return;
      }
      const answer = await answerFor(request);
      const resp = isImageAnswer(answer)
        ? { respData: answer.bytes, contentType: answer.contentType }
        : { respData: Buffer.from(JSON.stringify(answer)), contentType: 'application/json; charset=utf-8' };
      respond(res, 200, 'application/octet-stream', encodeOpenApiResp(resp));
    },
    outbox: () => outbox.list(),
    clearOutbox: () => outbox.clear(),
  };
}
