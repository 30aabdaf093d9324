/** The person fields of a roster entry, as stored, requested and shown (the roster, a review request, a profile). */
import type { MemberType } from './primitives';

export interface PersonFields {
  name: string;
  memberType: MemberType;
  gender: 'male' | 'female';
  birthYear: number;
  formerUnit: string; // 原单位
  town: string; // 乡镇/街道
  community: string; // 社区/村
  partyMember: boolean;
}

/** Just the person fields of a larger document (a row or a new entry must not carry the rest). */
export function personOf(doc: PersonFields): PersonFields {
  return {
    name: doc.name,
    memberType: doc.memberType,
    gender: doc.gender,
    birthYear: doc.birthYear,
    formerUnit: doc.formerUnit,
    town: doc.town,
    community: doc.community,
    partyMember: doc.partyMember,
  };
}
