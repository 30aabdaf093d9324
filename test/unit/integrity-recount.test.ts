import { countersOf, disagreements, recount, type CounterRef } from '../../cloudfunctions/_domain/integrity/recount';
import type { ActivityDoc, EnrollmentDoc, VolunteerTeamDoc } from '../../src/shared/documents';

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
