import { signupWords } from '../../src/services/format';

describe('a list card says what its sign-up window allows', () => {
  const closesAt = '2026-12-20T09:00:00.000Z';
  it('offers 报名 only while sign-up is open', () => {
    expect(signupWords({ seatsLeft: 60, signup: { state: 'open', opensAt: null, closesAt } })).toEqual({ badge: '剩余60个名额', more: '查看详情和报名' });
    expect(signupWords({ seatsLeft: 0, signup: { state: 'open', opensAt: null, closesAt } }).badge).toBe('名额已满');
  });

  it('says when sign-up opens before it does, and that it closed after', () => {
    const notYet = { seatsLeft: 60, signup: { state: 'notYet' as const, opensAt: '2026-12-08T01:00:00.000Z', closesAt } };
    expect(signupWords(notYet)).toEqual({ badge: '12月8日开始报名', more: '查看详情' });
    expect(signupWords({ seatsLeft: 5, signup: { state: 'closed', opensAt: null, closesAt } })).toEqual({ badge: '报名已截止', more: '查看详情' });
  });
});
