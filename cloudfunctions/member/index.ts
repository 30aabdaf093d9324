/** member: the caller's own identity and profile. */
import * as cloud from 'wx-server-sdk';
import type { Contracts, MeData } from '../../src/shared/contracts';
import type { AccountDoc, MemberDoc } from '../../src/shared/documents';
import { maskPhone } from '../../src/shared/mask';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { createHandler } from '../_lib/createHandler';
import type { Db } from '../_lib/db';

async function me(db: Db, account: AccountDoc): Promise<MeData> {
  const [own, actsFor] = await Promise.all([
    account.memberId ? db.byId<MemberDoc>('members', account.memberId) : null,
    account.role === 'helper' && account.actsFor ? db.byId<MemberDoc>('members', account.actsFor) : null,
  ]);
  return {
    name: own?.name ?? account.name,
    role: account.role,
    memberType: own?.memberType ?? null,
    formerUnit: own?.formerUnit ?? null,
    town: own?.town ?? null,
    phoneMasked: maskPhone(own?.phone),
    actingFor: actsFor ? { memberId: actsFor._id, name: actsFor.name } : null,
  };
}

export const main = createHandler<Contracts['member']>(cloud, {
  me: {
    input: schemas.member.me,
    roles: ROLES.account,
    run: (_input, { db, account }) => me(db, account),
  },
});
