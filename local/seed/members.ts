/** The roster (花名册) of 示例县: ~300 members generated from a fixed seed, three of them fixed for the demo accounts. */
import type { MemberDoc } from '../../src/shared/documents';
import type { MemberType } from '../../src/shared/contracts';
import { CHILD_GIVEN, FEMALE_GIVEN, FORMER_UNITS, HOBBY_SKILLS, MALE_GIVEN, SURNAMES, TOWNS } from './county';
import { beijingDate } from './clock';
import { DEMO_PEOPLE } from './demo-accounts';
import { createRng, type Rng } from './prng';

export const MEMBER_COUNT = 300;
export const LIXIU_COUNT = 30;
const ROSTER_SEED = 20240601;

export function memberId(index: number): string {
  return `member-${String(index).padStart(4, '0')}`;
}

function rosterNo(index: number, type: MemberType): string {
  return `${type === 'lixiu' ? 'LX' : 'TX'}${String(index).padStart(4, '0')}`;
}

function fakePhone(rng: Rng): string {
  // 1xx numbers with 0000 in the middle: well-formed, never a real subscriber in the demo.
  return `1${rng.pick(['33', '35', '38', '39', '58', '87'])}0000${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

function pickSkills(rng: Rng, unitSkills: readonly string[]): string[] {
  if (!rng.chance(0.4)) return [];
  const skills = new Set<string>([rng.pick(unitSkills)]);
  if (rng.chance(0.45)) skills.add(rng.pick(HOBBY_SKILLS));
  return [...skills];
}

type Fixed = Omit<MemberDoc, '_id' | 'rosterNo' | 'createdAt' | 'birthYear'> & { age: number };

/** The members behind the demo accounts (indexes 1-3). */
const FIXED: Record<number, Fixed> = {
  1: {
    name: DEMO_PEOPLE.member.name,
    memberType: 'tuixiu',
    gender: 'male',
    age: 68,
    formerUnit: '县教育局',
    town: '城关镇',
    community: '人民路社区',
    partyMember: true,
    phone: '13900001001',
    skills: ['教学', '书法'],
    emergencyContact: { name: '王晓梅', relation: '女儿', phone: '13800001002' },
  },
  2: {
    name: DEMO_PEOPLE.lixiu.name,
    memberType: 'lixiu',
    gender: 'male',
    age: 94,
    formerUnit: '县委办公室',
    town: '城东街道',
    community: '滨河社区',
    partyMember: true,
    phone: '13500001003',
    skills: [],
    emergencyContact: { name: '刘海涛', relation: '儿子', phone: '13800001004' },
  },
  3: {
    name: DEMO_PEOPLE.leader.name,
    memberType: 'tuixiu',
    gender: 'male',
    age: 66,
    formerUnit: '县司法局',
    town: '城西街道',
    community: '光明社区',
    partyMember: true,
    phone: '13900001005',
    skills: ['法律', '矛盾调解'],
    emergencyContact: { name: '陈丽娟', relation: '女儿', phone: '13800001006' },
  },
};

function randomMember(rng: Rng, memberType: MemberType): Fixed {
  const gender = rng.chance(memberType === 'lixiu' ? 0.8 : 0.6) ? 'male' : 'female';
  const surname = rng.pick(SURNAMES);
  const name = surname + rng.pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  const town = rng.pick(TOWNS);
  const unit = rng.pick(FORMER_UNITS);
  const relation = rng.pick(['儿子', '女儿', '女儿', '儿子', '配偶']);
  const contactName = relation === '配偶' ? rng.pick(SURNAMES) + rng.pick(gender === 'male' ? FEMALE_GIVEN : MALE_GIVEN) : surname + rng.pick(CHILD_GIVEN);
  return {
    name,
    memberType,
    gender,
    age: memberType === 'lixiu' ? rng.int(88, 98) : rng.int(60, 85),
    formerUnit: unit.name,
    town: town.name,
    community: rng.pick(town.communities),
    partyMember: memberType === 'lixiu' ? true : rng.chance(0.72),
    phone: fakePhone(rng),
    skills: memberType === 'lixiu' ? [] : pickSkills(rng, unit.skills),
    emergencyContact: rng.chance(memberType === 'lixiu' ? 1 : 0.75) ? { name: contactName, relation, phone: fakePhone(rng) } : null,
  };
}

/** Member i (1-based) is 离休 for i <= LIXIU_COUNT except the fixed 退休 demo members; index 2 is the 离休 demo member. */
function typeOf(index: number): MemberType {
  const fixed = FIXED[index];
  if (fixed) return fixed.memberType;
  return index <= LIXIU_COUNT + 2 ? 'lixiu' : 'tuixiu';
}

export function buildMembers(now: Date): MemberDoc[] {
  const rng = createRng(ROSTER_SEED);
  const { year } = beijingDate(now);
  const members: MemberDoc[] = [];
  for (let index = 1; index <= MEMBER_COUNT; index += 1) {
    const memberType = typeOf(index);
    // Draw for every member, fixed or not, so the fixed ones never shift the others.
    const drawn = randomMember(rng, memberType);
    const { age, ...profile } = FIXED[index] ?? drawn;
    members.push({
      _id: memberId(index),
      rosterNo: rosterNo(index, memberType),
      ...profile,
      birthYear: year - age,
      createdAt: new Date(now.getTime() - (400 - (index % 97)) * 86_400_000),
    });
  }
  return members;
}
