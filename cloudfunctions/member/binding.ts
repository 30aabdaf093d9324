/**
 * Which roster fields confirm who someone is: settings {_id: 'binding', fields: [...]} when staff set it,
 * otherwise name + the last 4 digits of the phone. At least one field must be queryable (not phoneLast4).
 */
import type { BindingField, BindingFieldSpec, BindRequest } from '../../src/shared/contracts-member';
import type { MemberDoc } from '../../src/shared/documents';
import type { Db } from '../_lib/db';

export const DEFAULT_BINDING_FIELDS: BindingField[] = ['name', 'phoneLast4'];

export const FIELD_SPECS: Record<BindingField, BindingFieldSpec> = {
  name: { key: 'name', label: '姓名', hint: '请填写您在老干部局登记的姓名', numeric: false, maxLength: 20 },
  phoneLast4: { key: 'phoneLast4', label: '手机号后4位', hint: '您登记的手机号的最后4位数字', numeric: true, maxLength: 4 },
  birthYear: { key: 'birthYear', label: '出生年份', hint: '例如 1948', numeric: true, maxLength: 4 },
  rosterNo: { key: 'rosterNo', label: '花名册编号', hint: '老干部局发给您的编号', numeric: false, maxLength: 32 },
};

interface BindingSetting {
  _id: 'binding';
  fields: unknown;
}

const QUERYABLE: ReadonlySet<BindingField> = new Set(['name', 'birthYear', 'rosterNo']);

function isBindingField(value: unknown): value is BindingField {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FIELD_SPECS, value);
}

export async function bindingFields(db: Db): Promise<BindingField[]> {
  const setting = await db.byId<BindingSetting>('settings', 'binding');
  const fields = setting?.fields;
  const valid =
    Array.isArray(fields) &&
    fields.length >= 2 &&
    fields.every(isBindingField) &&
    new Set(fields).size === fields.length &&
    fields.some((field) => QUERYABLE.has(field));
  return valid ? (fields as BindingField[]) : DEFAULT_BINDING_FIELDS;
}

/** The configured answers, or null when one is missing. */
export function answersOf(fields: BindingField[], input: BindRequest): Partial<Record<BindingField, string | number>> | null {
  const answers: Partial<Record<BindingField, string | number>> = {};
  for (const field of fields) {
    const value = input[field];
    if (value === undefined) return null;
    answers[field] = value;
  }
  return answers;
}

function digits(phone: string): string {
  return phone.replace(/\D/g, '');
}

export function matchesMember(member: MemberDoc, answers: Partial<Record<BindingField, string | number>>): boolean {
  if (member.erasedAt) return false;
  return (Object.entries(answers) as [BindingField, string | number][]).every(([field, value]) => {
    if (field === 'phoneLast4') return digits(member.phone).slice(-4) === value;
    return member[field] === value;
  });
}

/** Roster entries matching every answer (the queryable ones in the database, the phone digits here). */
export async function findRosterMatches(db: Db, answers: Partial<Record<BindingField, string | number>>): Promise<MemberDoc[]> {
  const where: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(answers)) if (QUERYABLE.has(field as BindingField)) where[field] = value;
  const candidates = await db.find<MemberDoc>('members', { where, limit: 50 });
  return candidates.filter((member) => matchesMember(member, answers));
}
