/**
 * subscribeMessage.send: validated like WeChat's API and kept in an outbox, in memory and appended to
 * <dataDir>/outbox.jsonl (one message a line) so tests and the local preview can read it after a restart.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { localClock } from '../clock';
import type { ApiAnswer } from './openapi-types';

export interface OutboxMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  sentAt: string;
}

export interface Outbox {
  list(): OutboxMessage[];
  clear(): void;
  send(args: Record<string, unknown>): ApiAnswer;
}

/** WeChat's length limits for template keyword types, by the keyword's name prefix (thing1, phrase2 ...). */
const VALUE_LIMITS: Record<string, number> = {
  thing: 20,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phrase: 5,
  name: 10,
  phone_number: 17,
  car_number: 8,
};
const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];

const invalid = (errcode: number, errmsg: string): ApiAnswer => ({ errcode, errmsg });

function checkData(data: unknown): ApiAnswer | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).length === 0) {
    return invalid(47003, 'argument invalid! data is empty');
  }
  for (const [key, entry] of Object.entries(data)) {
    const value: unknown = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') {
      return invalid(47003, `argument invalid! data.${key}.value is empty`);
    }
    const limit = VALUE_LIMITS[key.replace(/\d+$/, '')];
    if (limit !== undefined && [...String(value)].length > limit) {
      return invalid(47003, `argument invalid! data.${key}.value exceeds limit ${limit}`);
    }
  }
  return undefined;
}

function validate(args: Record<string, unknown>): ApiAnswer | undefined {
  const { touser, template_id, page, miniprogram_state } = args;
  if (typeof touser !== 'string' || touser === '') return invalid(40003, 'invalid openid');
  if (typeof template_id !== 'string' || template_id === '') return invalid(40037, 'invalid template id');
  if (page !== undefined && typeof page !== 'string') return invalid(47003, 'argument invalid! page');
  if (miniprogram_state !== undefined && !MINIPROGRAM_STATES.includes(String(miniprogram_state))) {
    return invalid(47003, 'argument invalid! miniprogram_state');
  }
  return checkData(args.data);
}

function load(file: string): OutboxMessage[] {
  if (!existsSync(file)) return [];
  const messages: OutboxMessage[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      messages.push(JSON.parse(line) as OutboxMessage);
    } catch {
      // a line torn by a crash mid-append was never acknowledged: skip it
    }
  }
  return messages;
}

export function createOutbox(dataDir: string): Outbox {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'outbox.jsonl');
  const messages = load(file);
  return {
    list: () => messages.map((message) => structuredClone(message)),
    clear() {
      messages.length = 0;
      writeFileSync(file, '');
    },
    send(args) {
      const error = validate(args);
      if (error) return error;
      const data = Object.fromEntries(
        Object.entries(args.data as Record<string, { value: string | number }>).map(([key, entry]) => [key, { value: String(entry.value) }]),
      );
      const message: OutboxMessage = {
        touser: args.touser as string,
        templateId: args.template_id as string,
        ...(typeof args.page === 'string' ? { page: args.page } : {}),
        data,
        sentAt: localClock.now().toISOString(),
      };
      appendFileSync(file, `${JSON.stringify(message)}\n`);
      messages.push(message);
      return { errcode: 0, errmsg: 'ok' };
    },
  };
}
