/**
 * Ghost places (issue 17): 20 members each fire sign-up, a second sign-up (a double tap) and cancel at the same
 * moment, six rounds, through the real enrollment function into the emulator. After every round the target's
 * line, its counter and the enrollments must tell one story (seats-kit.ts).
 */
import { course } from './fixtures';
import { insert, startCloud, type CloudHarness } from './harness';
import { memberIdOf, members } from './enrollment-kit';
import { seatViolations } from './seats-kit';

let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(() => cloud?.stop());

const ROUNDS = 6;
const MEMBERS = 20;

it('20 members × (sign-up, sign-up, cancel) at once, 6 rounds: no ghost places, no lost ones', async () => {
  const ids = await members(cloud, 'race', MEMBERS);
  await insert(cloud.db, 'courses', [course('c-race', '2026-autumn', { seats: 8, taken: 0, line: [] })]);
  const signUp = (openid: string) => cloud.call('enrollment', 'signUp', { kind: 'course', targetId: 'c-race' }, openid);
  const cancel = (openid: string) => cloud.call('enrollment', 'cancel', { enrollmentId: `course~c-race~${memberIdOf(openid)}` }, openid);
  const found: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all(ids.flatMap((id) => [signUp(id), cancel(id), signUp(id)]));
    const violations = await seatViolations(cloud, 'course', 'c-race');
    found.push(...violations.map((v) => `round ${round + 1}: ${v}`));
  }
  if (found.length) console.log(`seats race: ${found.length} violations\n${found.join('\n')}`);
  expect(found).toEqual([]);
});
