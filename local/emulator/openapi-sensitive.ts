/**
 * security.msgSecCheck, decided by a local word list (sensitive-words.txt).
 * version 2 answers like WeChat's v2 API (errcode 0, result.suggest 'pass' | 'risky', label 100 when clean);
 * without version 2 it answers like v1 (errcode 87014 "risky content" for a listed word).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiAnswer } from './openapi-types';

export interface SensitiveWord {
  word: string;
  label: number;
}

const DEFAULT_LABEL = 21000;
export const WORDS_FILE = path.join(__dirname, 'sensitive-words.txt');

const normalize = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

export function parseWordList(text: string): SensitiveWord[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [word = '', label] = line.split(/\s+/);
      return { word: normalize(word), label: label ? Number(label) : DEFAULT_LABEL };
    });
}

export function loadWordList(file = WORDS_FILE): SensitiveWord[] {
  return parseWordList(readFileSync(file, 'utf8'));
}

export function findSensitiveWord(words: SensitiveWord[], text: string): SensitiveWord | undefined {
  const haystack = normalize(text);
  return words.find((entry) => haystack.includes(entry.word));
}

export function msgSecCheck(words: SensitiveWord[], args: Record<string, unknown>): ApiAnswer {
  const { content, version, scene, openid } = args;
  if (typeof content !== 'string' || content === '') {
    return { errcode: 47001, errmsg: 'data format error hint: [content] is required' };
  }
  const hit = findSensitiveWord(words, content);
  if (version !== 2) {
    return hit ? { errcode: 87014, errmsg: 'risky content' } : { errcode: 0, errmsg: 'ok' };
  }
  if (typeof openid !== 'string' || openid === '') return { errcode: 40003, errmsg: 'invalid openid' };
  if (typeof scene !== 'number' || ![1, 2, 3, 4].includes(scene)) {
    return { errcode: 47001, errmsg: 'data format error hint: [scene] must be 1, 2, 3 or 4' };
  }
  const suggest = hit ? 'risky' : 'pass';
  const label = hit ? hit.label : 100;
  return {
    errcode: 0,
    errmsg: 'ok',
    result: { suggest, label },
    detail: [
      hit
        ? { strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword: hit.word }
        : { strategy: 'content_model', errcode: 0, suggest, label, prob: 90 },
    ],
    trace_id: `local-${Date.now().toString(36)}`,
  };
}
