/**
 * Wire format of wx-server-sdk 4.0.2's cloud.openapi.* calls (see shared/cloudbase-wire.md):
 * a multipart/form-data POST with fields action="wx.openApi", apiName and requestData (protobuf CommApiData),
 * answered with a binary protobuf CommOpenApiResp. Field numbers copied from the SDK's src/protobuf/openapi.js.
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import protobuf from 'protobufjs';

const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        appid: { type: 'string', id: 6 },
      },
    },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
      },
    },
  },
});
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

/** CommApiData.ApiType as the SDK numbers it; cloud.openapi.* sends OPEN_API. */
export const API_TYPES = ['OPEN_API', 'INNER_API', 'SVRKIT_API', 'TOKEN_API'] as const;

export interface MultipartForm {
  fields: Record<string, string>;
  files: Record<string, Buffer>;
}

/** A value sent as a file part (media arguments) keeps its bytes; every other argument is JSON. */
export interface MediaArg {
  contentType: string;
  filename: string;
  bytes: Buffer;
}

export interface DecodedApiData {
  apiType: string;
  appid: string;
  /** Arguments by their (snake_case) wire names, JSON-parsed. */
  args: Record<string, unknown>;
}

export function isMultipart(req: IncomingMessage): boolean {
  return /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
}

/** Reads a whole multipart/form-data body; the SDK's form-data sends Buffers as file parts. */
export function readMultipart(req: IncomingMessage): Promise<MultipartForm> {
  return new Promise((resolve, reject) => {
    const form: MultipartForm = { fields: {}, files: {} };
    const parser = busboy({ headers: req.headers, limits: { fileSize: 10 * 1024 * 1024 } });
    parser.on('field', (name, value) => {
      form.fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        form.files[name] = Buffer.concat(chunks);
      });
    });
    parser.on('error', reject);
    parser.on('close', () => resolve(form));
    req.pipe(parser);
  });
}

interface RawPair {
  key: string;
  value: Uint8Array;
  contenttype?: string;
  filename?: string;
}

/** Decodes requestData; throws with a readable message when it is not a CommApiData. */
export function decodeApiData(bytes: Uint8Array): DecodedApiData {
  const message = CommApiData.toObject(CommApiData.decode(bytes), { defaults: true, bytes: Buffer }) as {
    apiType: number;
    appid: string;
    openapiData?: { pairs?: RawPair[] };
  };
  const args: Record<string, unknown> = {};
  for (const pair of message.openapiData?.pairs ?? []) {
    const value = Buffer.from(pair.value);
    if (pair.contenttype) {
      args[pair.key] = { contentType: pair.contenttype, filename: pair.filename ?? '', bytes: value } satisfies MediaArg;
      continue;
    }
    try {
      args[pair.key] = JSON.parse(value.toString('utf8'));
    } catch {
      throw new Error(`argument ${pair.key} is not JSON`);
    }
  }
  return { apiType: API_TYPES[message.apiType] ?? String(message.apiType), appid: message.appid, args };
}

export function encodeOpenApiResp(resp: { respData: Buffer; contentType: string; errorCode?: number }): Buffer {
  const message = CommOpenApiResp.fromObject({ ...resp, errorCode: resp.errorCode ?? 0, httpCode: 200 });
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}

/** For fixtures and tests: the decoded form of a CommOpenApiResp. */
export function decodeOpenApiResp(bytes: Uint8Array): { respData: Buffer; contentType: string; errorCode: number } {
  const message = CommOpenApiResp.toObject(CommOpenApiResp.decode(bytes), { defaults: true, bytes: Buffer });
  return { respData: message.respData as Buffer, contentType: message.contentType as string, errorCode: message.errorCode as number };
}
