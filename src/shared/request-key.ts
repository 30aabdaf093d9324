/**
 * Create actions take an idempotency key (`requestKey`): the page makes one per form opened and keeps it until the
 * create succeeds, so a retried or repeated request creates one document (cloudfunctions/_lib/writes.ts newDocId).
 */
export const KEYED_CREATES: ReadonlySet<string> = new Set([
  'notice.publish',
  'staff.saveActivity',
  'staff.saveCourse',
  'staff.saveAssociation',
  'staff.saveTeam',
  'staff.recordVisit',
  'hotline.logCall',
  'checkin.saveSession',
  'lessons.saveLesson',
  'lessons.scheduleScreening',
  'branch.saveBranch',
  'branch.saveMeeting',
]);

/** A fresh key: 20 characters of [a-z0-9], unguessable enough for telling one form's requests from another's. */
export function newRequestKey(): string {
  let key = Date.now().toString(36);
  while (key.length < 20) key += Math.random().toString(36).slice(2);
  return key.slice(0, 20);
}
