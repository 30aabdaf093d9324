/** members: the staff's roster list — search by name or roster number, filter by town and 类别, phones masked. */
import {
  ROSTER_PAGE_SIZE,
  type RosterMemberRow,
  type RosterMembersPage,
  type RosterMembersRequest,
} from '../../src/shared/contracts-roster';
import type { MemberDoc } from '../../src/shared/documents';
import { maskPhone } from '../../src/shared/mask';
import { personOf } from '../../src/shared/person';
import { escapeRegExp } from '../../src/shared/text-rules';
import { aggregateRows } from '../_lib/aggregate';
import type { Db, Where } from '../_lib/db';
import { boundMemberIds } from './bound';
import { allOf, anyOf } from './query';

function whereOf(db: Db, input: RosterMembersRequest): Where {
  const where: Record<string, unknown> = {};
  if (input.town) where.town = input.town;
  if (input.memberType) where.memberType = input.memberType;
  if (!input.keyword) return where;
  const byKeyword = anyOf(db, [{ name: db.raw.RegExp({ regexp: escapeRegExp(input.keyword), options: '' }) }, { rosterNo: input.keyword }]);
  return Object.keys(where).length ? allOf(db, [where, byKeyword]) : byKeyword;
}

/** Every town on the roster, sorted. */
async function towns(db: Db): Promise<string[]> {
  const list = await aggregateRows(db, 'members', (agg) => agg.group({ _id: '$town' }));
  return list
    .map((group) => group._id)
    .filter((town): town is string => typeof town === 'string' && town !== '')
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

function rowOf(doc: MemberDoc, bound: boolean): RosterMemberRow {
  return {
    id: doc._id,
    rosterNo: doc.rosterNo,
    ...personOf(doc),
    phoneMasked: maskPhone(doc.phone),
    skills: doc.skills,
    bound,
    erased: Boolean(doc.erasedAt),
  };
}

export async function listMembers(db: Db, input: RosterMembersRequest): Promise<RosterMembersPage> {
  const page = input.page ?? 1;
  const where = whereOf(db, input);
  const [{ docs, total }, townList] = await Promise.all([
    db.findPage<MemberDoc>('members', { where, orderBy: [['rosterNo', 'asc']], page, pageSize: ROSTER_PAGE_SIZE }),
    towns(db),
  ]);
  const bound = await boundMemberIds(db, docs.map((doc) => doc._id));
  return { items: docs.map((doc) => rowOf(doc, bound.has(doc._id))), total, page, pageSize: ROSTER_PAGE_SIZE, towns: townList };
}
