import { countersOf, disagreements, recount, type CounterRef } from '../../cloudfunctions/_domain/integrity/recount';
import type { ActivityDoc, EnrollmentDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { movesOf, talliesOf, tallyOf, touchesTally } from '../../src/shared/tally-rules';

const ref = (counter: number, line: string[]): CounterRef => ({ kind: 'activity', id: 'a', postId: null, title: '象棋擂台赛', counter, line, linePath: 'line', counterPath: 'taken' });
const active = (...ids: string[]) => new Set(ids);

describe('recounting a counter from its records', () => {
  it('agrees when the counter is the line and everyone in it signed up', () => {
    expect(recount(ref(2, ['m1', 'm2']), active('m1', 'm2'))).toEqual({ line: ['m1', 'm2'], counter: 2, problems: [] });
  });

  it('names each way it can disagree, and gives the line and counter the records give', () => {
    expect(recount(ref(5, ['m1']), active('m1'))).toEqual({ line: ['m1'], counter: 1, problems: ['有4个名额算了人数，名单上却没有人'] });
    expect(recount(ref(1, ['m1', 'm2']), active('m1', 'm2')).problems).toEqual(['名单上有1人没有算进人数']);
    expect(recount(ref(3, ['m1', 'm2', 'm1']), active('m1', 'm2'))).toEqual({ line: ['m1', 'm2'], counter: 2, problems: ['名单里有1人重复'] });
    expect(recount(ref(2, ['m1', 'ghost']), active('m1'))).toEqual({ line: ['m1'], counter: 1, problems: ['名单上有1人没有报名记录'] });
  });

  it('counts a team per post, against the enrollments of that post only', () => {
    const team = {
      _id: 't', name: '科技服务队', posts: [
        { id: 'p1', name: '农技指导员', capacity: 5, taken: 1, line: ['m1'] },
        { id: 'p2', name: '健康义诊员', capacity: 5, taken: 1, line: ['m2'] },
      ],
    } as unknown as VolunteerTeamDoc;
    expect(countersOf({ kind: 'team', doc: team }).map((c) => [c.title, c.counterPath])).toEqual([['科技服务队·农技指导员', 'posts.0.taken'], ['科技服务队·健康义诊员', 'posts.1.taken']]);
    const e = (memberId: string, postId: string, status: EnrollmentDoc['status'] = 'active') => ({ kind: 'team' as const, targetId: 't', postId, memberId, status });
    expect(disagreements([{ kind: 'team', doc: team }], [e('m1', 'p1'), e('m2', 'p2')]).disagreements).toEqual([]);
    // m2's enrollment says p1 and was cancelled: p2's place has no record behind it
    const found = disagreements([{ kind: 'team', doc: team }], [e('m1', 'p1'), e('m2', 'p2', 'cancelled')]).disagreements;
    expect(found).toEqual([expect.objectContaining({ title: '科技服务队·健康义诊员', stored: 1, counted: 0, postId: 'p2' })]);
    const activity = { _id: 'a', title: '讲座', taken: 0 } as unknown as ActivityDoc;
    expect(disagreements([{ kind: 'activity', doc: activity }], []).disagreements).toEqual([]);
  });
});

describe('the 工作台 tallies (tally-rules.ts)', () => {
  const at = new Date('2026-12-01T02:00:00Z');
  it('counts a record in the tally its state says, and moves it when the state changes', () => {
    expect(tallyOf('enrollments', { kind: 'association', status: 'pending' })).toBe('approvals');
    expect(tallyOf('enrollments', { kind: 'course', status: 'pending' })).toBeNull();
    expect(tallyOf('members', { name: '张建国' })).toBe('members'); // no erasedAt field: on the roster
    expect(tallyOf('members', { erasedAt: at })).toBeNull();
    expect(movesOf('suggestions', 's1', null, { status: 'submitted', submittedAt: at })).toEqual([{ name: 'submitted', by: 1, id: 's1', since: at }]);
    expect(movesOf('suggestions', 's1', { status: 'submitted' }, { status: 'accepted' })).toEqual([
      { name: 'submitted', by: -1, id: 's1' },
      { name: 'accepted', by: 1, id: 's1' },
    ]);
    expect(movesOf('suggestions', 's1', { status: 'accepted' }, { status: 'accepted', reply: '正在协调' })).toEqual([]);
    expect(movesOf('rosterRequests', 'r1', { status: 'pending' }, { status: 'approved' })).toEqual([{ name: 'reviews', by: -1, id: 'r1' }]);
    expect(touchesTally('suggestions', { reply: '好' })).toBe(false);
    expect(touchesTally('suggestions', { status: 'concluded' })).toBe(true);
  });

  it('gives the tallies a set of records adds up to, with the submission times of the submitted suggestions', () => {
    const tallies = talliesOf({
      members: [{ _id: 'm1' }, { _id: 'm2', erasedAt: at }],
      suggestions: [{ _id: 's1', status: 'submitted', submittedAt: at }, { _id: 's2', status: 'concluded', submittedAt: at }],
      enrollments: [{ _id: 'e1', kind: 'association', status: 'pending' }, { _id: 'e2', kind: 'association', status: 'active' }],
    });
    expect(Object.fromEntries(tallies.map((t) => [t._id, t.n]))).toEqual({ reviews: 0, deletions: 0, approvals: 1, submitted: 1, accepted: 0, inProgress: 0, members: 1 });
    expect(tallies.find((t) => t._id === 'submitted')?.since).toEqual({ s1: at });
  });
});
