/** The binding answers as typed (all text) and the bind request they make. */
import type { BindingFieldSpec, BindRequest } from '../../shared/contracts-member';

export type Answers = Record<string, string>;

export function bindRequestOf(fields: BindingFieldSpec[], answers: Answers, consentVersion: string): BindRequest {
  const request: BindRequest = { consentVersion };
  for (const field of fields) {
    const value = (answers[field.key] ?? '').trim();
    if (field.key === 'birthYear') request.birthYear = value ? Number(value) : undefined;
    else request[field.key] = value;
  }
  return request;
}

/** The first field left empty, for a plain "请填写…" before any call. */
export function firstMissing(fields: BindingFieldSpec[], answers: Answers): BindingFieldSpec | null {
  return fields.find((field) => !(answers[field.key] ?? '').trim()) ?? null;
}
