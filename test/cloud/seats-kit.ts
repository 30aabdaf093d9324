/**
 * The one truth of a place, checked from outside: for a target with places, `taken == line.length ==` the number
 * of active enrollments, the line holds nobody twice, and every member is active exactly when they stand in the
 * line (their status is their place in it). Answers each violation in words (empty: the invariant holds).
 */
import type { EnrollmentDoc } from '../../src/shared/documents';
import { allDocs, type CloudHarness } from './harness';

interface LineDoc {
  taken?: number;
  memberCount?: number;
  line?: string[];
  posts?: { id: string; taken: number; line?: string[] }[];
}

const COLLECTION = { association: 'associations', team: 'volunteerTeams', course: 'courses', activity: 'activities' } as const;

export async function seatViolations(
  cloud: CloudHarness,
  kind: keyof typeof COLLECTION,
  targetId: string,
  postId: string | null = null,
): Promise<string[]> {
  const doc = (await cloud.db.collection(COLLECTION[kind]).doc(targetId).get()).data as LineDoc;
  const post = postId ? doc.posts?.find((p) => p.id === postId) : null;
  const line = (post ? post.line : doc.line) ?? [];
  const taken = post ? post.taken : kind === 'association' ? doc.memberCount : doc.taken;
  const enrollments = await allDocs<EnrollmentDoc>(cloud.db, 'enrollments', { kind, targetId });
  const active = enrollments.filter((e) => e.status === 'active' && (!postId || e.postId === postId));
  const out: string[] = [];
  if (taken !== line.length) out.push(`taken ${taken} != line ${line.length}`);
  if (new Set(line).size !== line.length) out.push(`line holds someone twice: ${line.join(',')}`);
  if (active.length !== line.length) out.push(`active enrollments ${active.length} != line ${line.length}`);
  const inLine = new Set(line);
  const activeIds = new Set(active.map((e) => e.memberId));
  for (const memberId of inLine) if (!activeIds.has(memberId)) out.push(`ghost place: ${memberId} in line, enrollment not active`);
  for (const memberId of activeIds) if (!inLine.has(memberId)) out.push(`lost place: ${memberId} active, not in line`);
  return out;
}
