/**
 * Turns the rows of a roster sheet into roster entries, or into reasons a row was refused (plain Chinese, by line).
 * No database here: duplicates are judged within the file; what is already stored is the importer's business.
 */
import { ROSTER_COLUMNS, type RejectedRow, type RosterColumnKey } from '../../src/shared/contracts-roster';
import type { MemberDoc } from '../../src/shared/documents';
import type { SheetRow } from '../_lib/xlsx';

/** The fields of a roster entry that a sheet row carries. */
export type RosterFields = Pick<
  MemberDoc,
  'rosterNo' | 'name' | 'memberType' | 'gender' | 'birthYear' | 'formerUnit' | 'town' | 'community' | 'partyMember' | 'phone' | 'skills'
>;

export interface RosterRow {
  line: number;
  fields: RosterFields;
  /** the 党支部 column: a branch name, '' for none; undefined when the file has no such column (left as it is) */
  branch?: string;
}

export interface ParsedRoster {
  /** data rows read */
  rows: number;
  valid: RosterRow[];
  rejected: RejectedRow[];
}

/** The header row is one of the first few rows (a title row above it is common). */
const HEADER_SEARCH_ROWS = 5;
const MAX_SKILLS = 10;

type ColumnIndex = Partial<Record<RosterColumnKey, number>>;

/** '类别（离休/退休）', ' 乡镇(街道) ', '*姓名' all name their column. */
function headerForms(text: string): string[] {
  const plain = text.normalize('NFKC').replace(/[\s*]/g, '');
  return [plain, plain.replace(/\(.*?\)/g, ''), plain.replace(/[()/、]/g, '')];
}

function indexColumns(header: string[]): ColumnIndex {
  const index: ColumnIndex = {};
  header.forEach((text, at) => {
    const forms = headerForms(text ?? '');
    const column = ROSTER_COLUMNS.find((c) => forms.includes(c.header));
    if (column && index[column.key] === undefined) index[column.key] = at;
  });
  return index;
}

export type HeaderResult = { ok: true; headerLine: number; columns: ColumnIndex } | { ok: false; missing: string[] };

/** Finds the header row: the first of the top rows naming the most columns; reports required ones missing. */
export function findHeader(rows: SheetRow[]): HeaderResult {
  let best: { line: number; columns: ColumnIndex } | null = null;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns = indexColumns(row.cells);
    if (!best || Object.keys(columns).length > Object.keys(best.columns).length) best = { line: row.line, columns };
  }
  const columns = best?.columns ?? {};
  const missing = ROSTER_COLUMNS.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.header);
  if (!best || missing.length) return { ok: false, missing };
  return { ok: true, headerLine: best.line, columns };
}

/** A value quoted back to staff, cut short. */
const shown = (value: string): string => (value.length > 20 ? `${value.slice(0, 20)}…` : value);

type Check<T> = { value: T } | { reason: string };

function required(label: string, value: string, max: number): Check<string> {
  if (!value) return { reason: `缺少${label}` };
  if (value.length > max) return { reason: `${label}太长了，最多${max}个字` };
  return { value };
}

function optional(label: string, value: string, max: number): Check<string> {
  return value.length > max ? { reason: `${label}太长了，最多${max}个字` } : { value };
}

function memberType(value: string): Check<MemberDoc['memberType']> {
  if (!value) return { reason: '缺少类别' };
  if (value.startsWith('离休')) return { value: 'lixiu' };
  if (value.startsWith('退休')) return { value: 'tuixiu' };
  return { reason: `类别应填“离休”或“退休”，现在是“${shown(value)}”` };
}

function gender(value: string): Check<MemberDoc['gender']> {
  if (!value) return { reason: '缺少性别' };
  if (value === '男') return { value: 'male' };
  if (value === '女') return { value: 'female' };
  return { reason: `性别应填“男”或“女”，现在是“${shown(value)}”` };
}

function birthYear(value: string, thisYear: number): Check<number> {
  if (!value) return { reason: '缺少出生年份' };
  const match = /^(\d{4})(?:年|[-/.]\d{1,2}.*)?$/.exec(value);
  const year = match ? Number(match[1]) : NaN;
  const latest = thisYear - 40;
  if (!(year >= 1900 && year <= latest)) return { reason: `出生年份不对，应是1900到${latest}之间的四位数字，现在是“${shown(value)}”` };
  return { value: year };
}

function partyMember(value: string): Check<boolean> {
  if (['', '否', '非党员', '群众', '不是'].includes(value)) return { value: false };
  if (['是', '党员', '中共党员', '中国共产党党员'].includes(value)) return { value: true };
  return { reason: `是否党员应填“是”或“否”，现在是“${shown(value)}”` };
}

function phone(value: string): Check<string> {
  if (!value) return { reason: '缺少手机号' };
  const compact = value.replace(/\s/g, '');
  const digits = compact.replace(/-/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return { value: digits };
  if (/^0\d{2,3}-?\d{7,8}$/.test(compact)) return { value: compact };
  return { reason: `手机号不对，应是11位手机号或带区号的座机，现在是“${shown(value)}”` };
}

function skills(value: string): Check<string[]> {
  const list = [...new Set(value.split(/[、,，;；/\s]+/).filter(Boolean))];
  if (list.length > MAX_SKILLS) return { reason: `特长最多填${MAX_SKILLS}项` };
  if (list.some((skill) => skill.length > 20)) return { reason: '每项特长最多20个字' };
  return { value: list };
}

/** A branch name, only for party members. */
function branch(value: string, party: Check<boolean>): Check<string> {
  if (value.length > 40) return { reason: '党支部名称太长了，最多40个字' };
  if (value && 'value' in party && !party.value) return { reason: '填了党支部的，“是否党员”应填“是”' };
  return { value };
}

function parseRow(row: SheetRow, columns: ColumnIndex, thisYear: number): { fields: RosterFields; branch?: string } | { reasons: string[] } {
  const cell = (key: RosterColumnKey): string => {
    const at = columns[key];
    return at === undefined ? '' : (row.cells[at] ?? '');
  };
  const checks = {
    rosterNo: required('花名册编号', cell('rosterNo'), 32),
    name: required('姓名', cell('name'), 20),
    memberType: memberType(cell('memberType')),
    gender: gender(cell('gender')),
    birthYear: birthYear(cell('birthYear'), thisYear),
    formerUnit: optional('原单位', cell('formerUnit'), 50),
    town: required('乡镇街道', cell('town'), 30),
    community: optional('社区村', cell('community'), 30),
    partyMember: partyMember(cell('partyMember')),
    phone: phone(cell('phone')),
    skills: skills(cell('skills')),
  };
  const branchCheck = branch(cell('branch').trim(), checks.partyMember);
  const reasons = 'reason' in branchCheck ? [branchCheck.reason] : [];
  reasons.unshift(...Object.values(checks).flatMap((check) => ('reason' in check ? [check.reason] : [])));
  if (reasons.length) return { reasons };
  const value = <T>(check: Check<T>): T => (check as { value: T }).value;
  return {
    fields: {
      rosterNo: value(checks.rosterNo),
      name: value(checks.name),
      memberType: value(checks.memberType),
      gender: value(checks.gender),
      birthYear: value(checks.birthYear),
      formerUnit: value(checks.formerUnit),
      town: value(checks.town),
      community: value(checks.community),
      partyMember: value(checks.partyMember),
      phone: value(checks.phone),
      skills: value(checks.skills),
    },
    ...(columns.branch === undefined ? {} : { branch: value(branchCheck) }),
  };
}

/** Parses every data row below the header; a roster number used on several rows refuses all of them. */
export function parseRoster(rows: SheetRow[], headerLine: number, columns: ColumnIndex, thisYear: number): ParsedRoster {
  const data = rows.filter((row) => row.line > headerLine);
  const linesByNo = new Map<string, number[]>();
  for (const row of data) {
    const no = columns.rosterNo === undefined ? '' : (row.cells[columns.rosterNo] ?? '');
    if (no) linesByNo.set(no, [...(linesByNo.get(no) ?? []), row.line]);
  }
  const valid: RosterRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of data) {
    const parsed = parseRow(row, columns, thisYear);
    const no = columns.rosterNo === undefined ? '' : (row.cells[columns.rosterNo] ?? '');
    const name = columns.name === undefined ? '' : (row.cells[columns.name] ?? '');
    const lines = linesByNo.get(no) ?? [];
    const reasons = 'reasons' in parsed ? [...parsed.reasons] : [];
    if (lines.length > 1) reasons.push(`花名册编号“${shown(no)}”在第${lines.join('、')}行重复出现，请核对后只留一行`);
    if (reasons.length || !('fields' in parsed)) {
      rejected.push({ line: row.line, rosterNo: no ? shown(no) : null, name: name ? shown(name) : null, reasons });
    } else {
      valid.push({ line: row.line, fields: parsed.fields, ...(parsed.branch === undefined ? {} : { branch: parsed.branch }) });
    }
  }
  return { rows: data.length, valid, rejected };
}
