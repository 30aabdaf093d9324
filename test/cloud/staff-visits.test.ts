/** 走访慰问: recording visits, marking a member in hospital, and the due list of this week. */
import { beijingDay } from '../../src/shared/date-rules';
import { weekOf } from '../../src/shared/visit-rules';
import { codeOf } from './checkin-kit';
import { account, member } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const STAFF = 'openid-staff';
const DAY = 86_400_000;
const now = new Date();
const today = beijingDay(now);
const daysAgo = (n: number) => beijingDay(new Date(now.getTime() - n * DAY));
const thisYear = Number(today.slice(0, 4));
const week = weekOf(now);
/** a day of this week other than today, and one well outside it */
const otherDayThisWeek = (week[0] === today ? week[1] : week[0]) as string;

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [
    member('m-90', { rosterNo: 'R90', name: '赵老', memberType: 'lixiu', birthYear: thisYear - 90, birthday: otherDayThisWeek.slice(5) }),
    member('m-71', { rosterNo: 'R71', name: '钱老', birthYear: thisYear - 71, birthday: today.slice(5) }),
    member('m-far', { rosterNo: 'RF', name: '孙老', birthday: beijingDay(new Date(now.getTime() + 40 * DAY)).slice(5) }),
    member('m-hosp', { rosterNo: 'RH', name: '李老', hospitalizedAt: new Date(now.getTime() - 10 * DAY) }),
    member('m-visited', { rosterNo: 'RV', name: '周老', hospitalizedAt: new Date(now.getTime() - 5 * DAY) }),
    member('m-gone', { rosterNo: 'RG', name: '', birthday: today.slice(5), erasedAt: new Date() }),
  ]);
  await insert(cloud.db, 'accounts', [account(STAFF, { role: 'staff', name: '刘干事' })]);
});
afterAll(() => cloud.stop());

describe('visits', () => {
  it('records a visit with who went, and lists it', async () => {
    const row = dataOf(await cloud.call('staff', 'recordVisit', {
      memberId: 'm-visited', reason: 'illness', visitedOn: daysAgo(2), visitors: '局领导李明、干事刘芳', notes: '送去慰问品',
    }, STAFF));
    expect(row).toMatchObject({ memberName: '周老', reasonLabel: '生病住院', byName: '刘干事', visitedOn: daysAgo(2) });
    const page = dataOf(await cloud.call('staff', 'visits', { memberId: 'm-visited' }, STAFF));
    expect(page.items.map((v) => v.id)).toEqual([row.id]);
  });

  it('refuses a visit dated in the future, to an erased or unknown member', async () => {
    const base = { reason: 'birthday', visitedOn: today, visitors: '刘芳' };
    expect(codeOf(await cloud.call('staff', 'recordVisit', { ...base, memberId: 'm-71', visitedOn: beijingDay(new Date(now.getTime() + 2 * DAY)) }, STAFF))).toBe('INPUT.DATE_RANGE');
    expect(codeOf(await cloud.call('staff', 'recordVisit', { ...base, memberId: 'm-gone' }, STAFF))).toBe('DATA.NOT_FOUND');
    expect(codeOf(await cloud.call('staff', 'recordVisit', { ...base, memberId: 'm-none' }, STAFF))).toBe('DATA.NOT_FOUND');
    expect(codeOf(await cloud.call('staff', 'recordVisit', { ...base, memberId: 'm-71', visitedOn: '2026-02-30' }, STAFF))).toBe('INPUT.BAD_DATE');
  });

  it('keeps the first hospital report while the member stays in, and clears it when home', async () => {
    const first = dataOf(await cloud.call('staff', 'setHospital', { memberId: 'm-far', inHospital: true }, STAFF));
    const again = dataOf(await cloud.call('staff', 'setHospital', { memberId: 'm-far', inHospital: true }, STAFF));
    expect(again.hospitalizedAt).toBe(first.hospitalizedAt);
    expect(dataOf(await cloud.call('staff', 'setHospital', { memberId: 'm-far', inHospital: false }, STAFF)).hospitalizedAt).toBeNull();
  });
});

describe('the due list', () => {
  it('lists this week’s birthdays, round ones first, and members in hospital not visited within 7 days', async () => {
    const due = dataOf(await cloud.call('staff', 'visitsDue', {}, STAFF));
    expect(due.week).toEqual({ from: week[0], to: week[6] });
    // 赵老 turns 90 (a round birthday) first; 钱老 turns 71 today; 孙老's is weeks away; the erased entry is left out
    expect(due.birthdays.map((b) => [b.name, b.age, b.milestone, b.visited])).toEqual([['赵老', 90, true, false], ['钱老', 71, false, false]]);
    // 李老: 10 days in hospital, never visited; 周老 was visited 2 days ago
    expect(due.hospital.map((h) => [h.name, h.daysInHospital, h.lastVisitOn])).toEqual([['李老', 10, null]]);
  });

  it('drops a member from the list once visited', async () => {
    const visit = (memberId: string, reason: string) => cloud.call('staff', 'recordVisit', { memberId, reason, visitedOn: today, visitors: '刘芳' }, STAFF);
    dataOf(await visit('m-hosp', 'illness'));
    dataOf(await visit('m-71', 'birthday'));
    const due = dataOf(await cloud.call('staff', 'visitsDue', {}, STAFF));
    expect(due.hospital).toEqual([]);
    expect(due.birthdays.find((b) => b.name === '钱老')?.visited).toBe(true);
  });
});
