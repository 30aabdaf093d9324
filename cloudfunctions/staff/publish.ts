/**
 * Publishing (staff): activities, the current term and its courses, associations, and volunteer teams with their
 * posts. An edit never touches a line or its counter (the enrollment function's); lowering the places is one
 * conditional update that fails when more people already hold or wait for them (STAFF.SEATS_BELOW_TAKEN).
 */
import type {
  SaveActivityRequest,
  SaveAssociationRequest,
  SaveCourseRequest,
  SaveTeamRequest,
  SetTermRequest,
  StaffActivityRow,
  StaffAssociationRow,
  CatalogItem,
  CatalogItemData,
  CatalogItemRequest,
  StaffCatalogData,
  StaffCourseRow,
  StaffTeamRow,
} from '../../src/shared/contracts-staff';
import type { CollectionName } from '../../src/shared/collections';
import type { ActivityDoc, AssociationDoc, CampusDoc, CourseDoc, MemberDoc, VolunteerPost, VolunteerTeamDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import type { Db } from '../_lib/db';
import { currentTermId, type CurrentTermSetting } from '../_lib/term';
import { insertOnce, newDocId, setDoc, updateWhere } from '../_lib/writes';
import { venuePoint } from '../_lib/nearby';
import { activityRow, associationRow, courseRow, teamRow } from './rows';

const MAX_LIST = 200;
const RECENT_DAYS = 30;

export const newId = (prefix: string): string => newDocId(prefix);

async function mustFind<T>(db: Db, collection: CollectionName, id: string): Promise<T> {
  const doc = await db.byId<T>(collection, id);
  if (!doc) throw new CodedError('DATA.NOT_FOUND');
  return doc;
}

const termOf = (setting: (CurrentTermSetting & { name?: string }) | null, termId: string | null): StaffCatalogData['term'] =>
  termId ? { id: termId, name: setting?.termId === termId && setting.name ? setting.name : termId } : null;

export async function catalog(db: Db, now: Date): Promise<StaffCatalogData> {
  const [setting, termId] = await Promise.all([
    db.byId<CurrentTermSetting & { name?: string }>('settings', 'currentTerm'),
    currentTermId(db, now),
  ]);
  const [campuses, activities, courses, associations, teams] = await Promise.all([
    db.find<CampusDoc>('campuses', { orderBy: [['name', 'asc']], limit: MAX_LIST }),
    db.find<ActivityDoc>('activities', {
      where: { startAt: db.command.gte(new Date(now.getTime() - RECENT_DAYS * 86_400_000)) },
      orderBy: [['startAt', 'asc']],
      limit: MAX_LIST,
    }),
    termId ? db.find<CourseDoc>('courses', { where: { termId }, orderBy: [['title', 'asc']], limit: MAX_LIST }) : Promise.resolve([]),
    db.find<AssociationDoc>('associations', { orderBy: [['name', 'asc']], limit: MAX_LIST, fields: { line: false } }),
    db.find<VolunteerTeamDoc>('volunteerTeams', { orderBy: [['name', 'asc']], limit: MAX_LIST }),
  ]);
  return {
    term: termOf(setting, termId),
    campuses: campuses.map((c) => ({ id: c._id, name: c.name })),
    activities: activities.map(activityRow),
    courses: courses.map(courseRow),
    associations: associations.map(associationRow),
    teams: teams.map(teamRow),
  };
}

/** The row of one catalog thing by id, or null when there is none. */
async function itemOf(db: Db, kind: CatalogItemRequest['kind'], id: string): Promise<CatalogItem | null> {
  switch (kind) {
    case 'activity': {
      const doc = await db.byId<ActivityDoc>('activities', id);
      return doc && { kind, row: activityRow(doc) };
    }
    case 'course': {
      const doc = await db.byId<CourseDoc>('courses', id);
      return doc && { kind, row: courseRow(doc) };
    }
    case 'association': {
      const [doc] = await db.find<AssociationDoc>('associations', { where: { _id: id }, limit: 1, fields: { line: false } });
      return doc ? { kind, row: associationRow(doc) } : null;
    }
    case 'team': {
      const doc = await db.byId<VolunteerTeamDoc>('volunteerTeams', id);
      return doc && { kind, row: teamRow(doc) };
    }
  }
}

/** One editor's row by id (not the whole catalog); a course form also gets the term and campuses. */
export async function catalogItem(db: Db, input: CatalogItemRequest, now: Date): Promise<CatalogItemData> {
  const item = input.id ? await itemOf(db, input.kind, input.id) : null;
  if (input.kind !== 'course') return { term: null, campuses: [], item };
  const [setting, termId, campuses] = await Promise.all([
    db.byId<CurrentTermSetting & { name?: string }>('settings', 'currentTerm'),
    currentTermId(db, now),
    db.find<CampusDoc>('campuses', { orderBy: [['name', 'asc']], limit: MAX_LIST }),
  ]);
  return { term: termOf(setting, termId), campuses: campuses.map((c) => ({ id: c._id, name: c.name })), item };
}

function assertOrder(...instants: string[]): void {
  for (let i = 1; i < instants.length; i++) {
    if (Date.parse(instants[i - 1] as string) > Date.parse(instants[i] as string)) throw new CodedError('STAFF.BAD_DATES');
  }
}

/**
 * Updates a line-kept target's fields; lowering its places only while everyone in it still fits (no waitlist, no
 * more taken than the new places). Answers false when that condition failed; a save that changes nothing is fine.
 */
async function updatePlaces(db: Db, collection: 'activities' | 'courses', id: string, fields: Record<string, unknown>, seats: number, oldSeats: number, extra: Record<string, unknown> = {}): Promise<boolean> {
  const where: Record<string, unknown> = { _id: id, ...extra };
  if (seats < oldSeats) where.taken = db.command.lte(seats);
  if ((await updateWhere(db, collection, where, { ...fields, seats })) === 1) return true;
  // nothing changed: either the condition failed, or the row already holds these values (a repeated save)
  return (await db.count(collection, where)) === 1;
}

export async function saveActivity(db: Db, input: SaveActivityRequest, now: Date): Promise<StaffActivityRow> {
  if (Date.parse(input.startAt) >= Date.parse(input.endAt)) throw new CodedError('STAFF.BAD_DATES');
  assertOrder(input.signupDeadline, input.startAt);
  const fields: Record<string, unknown> = {
    title: input.title,
    kind: input.kind,
    description: input.description,
    place: input.place,
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    signupDeadline: new Date(input.signupDeadline),
    walkUpAllowed: input.walkUpAllowed,
    updatedAt: now,
  };
  if (input.cancelCutoffHours !== undefined) fields.cancelCutoffHours = input.cancelCutoffHours;
  // 就近: the point of the venue its place names, so lists sorted by distance place it
  const location = await venuePoint(db, input.place);
  if (!input.activityId) {
    const id = newDocId('activity', input.requestKey);
    await insertOnce(db, 'activities', { _id: id, ...fields, ...(location ? { location } : {}), seats: input.seats, taken: 0, line: [], status: 'published', createdAt: now });
    return activityRow(await mustFind<ActivityDoc>(db, 'activities', id));
  }
  const old = await mustFind<ActivityDoc>(db, 'activities', input.activityId);
  if (old.status === 'cancelled') throw new CodedError('STAFF.ACTIVITY_CANCELLED');
  fields.location = location ?? db.command.remove();
  if (!(await updatePlaces(db, 'activities', old._id, fields, input.seats, old.seats, { status: 'published' }))) {
    const fresh = await mustFind<ActivityDoc>(db, 'activities', old._id);
    throw new CodedError(fresh.status === 'cancelled' ? 'STAFF.ACTIVITY_CANCELLED' : 'STAFF.SEATS_BELOW_TAKEN');
  }
  return activityRow(await mustFind<ActivityDoc>(db, 'activities', old._id));
}

export async function setTerm(db: Db, input: SetTermRequest): Promise<{ termId: string; name: string }> {
  await setDoc(db, 'settings', 'currentTerm', { termId: input.termId, name: input.name });
  return { termId: input.termId, name: input.name };
}

export async function saveCourse(db: Db, input: SaveCourseRequest, now: Date): Promise<StaffCourseRow> {
  assertOrder(input.enrollOpensAt, input.enrollClosesAt);
  const campus = await db.byId<CampusDoc>('campuses', input.campusId);
  if (!campus) throw new CodedError('DATA.NOT_FOUND', '没有找到这个校区');
  const fields: Record<string, unknown> = {
    termId: input.termId,
    title: input.title,
    campusId: campus._id,
    campusName: campus.name,
    teacher: input.teacher,
    weekday: input.weekday,
    time: input.time,
    place: input.place,
    fee: input.fee,
    enrollOpensAt: new Date(input.enrollOpensAt),
    enrollClosesAt: new Date(input.enrollClosesAt),
    updatedAt: now,
  };
  if (!input.courseId) {
    const id = newDocId('course', input.requestKey);
    await insertOnce(db, 'courses', { _id: id, ...fields, seats: input.seats, taken: 0, line: [], mode: input.mode ?? 'firstCome', createdAt: now });
    return courseRow(await mustFind<CourseDoc>(db, 'courses', id));
  }
  // the sign-up mode is fixed once people may have signed up under it
  const old = await mustFind<CourseDoc>(db, 'courses', input.courseId);
  if (!(await updatePlaces(db, 'courses', old._id, fields, input.seats, old.seats))) throw new CodedError('STAFF.SEATS_BELOW_TAKEN');
  return courseRow(await mustFind<CourseDoc>(db, 'courses', old._id));
}

export async function saveAssociation(db: Db, input: SaveAssociationRequest, now: Date): Promise<StaffAssociationRow> {
  const fields = {
    name: input.name,
    purpose: input.purpose,
    leaderName: input.leaderName,
    meetingSchedule: input.meetingSchedule,
    joinMode: input.joinMode,
    updatedAt: now,
  };
  if (!input.associationId) {
    const id = newDocId('association', input.requestKey);
    await insertOnce(db, 'associations', { _id: id, ...fields, memberCount: 0, line: [], createdAt: now });
    return associationRow(await mustFind<AssociationDoc>(db, 'associations', id));
  }
  if (!(await updateWhere(db, 'associations', { _id: input.associationId }, fields))) throw new CodedError('DATA.NOT_FOUND');
  return associationRow(await mustFind<AssociationDoc>(db, 'associations', input.associationId));
}

/** The posts after an edit: kept ones keep their line and counter; a removed or shrunk one must still fit everyone. */
function editedPosts(old: readonly VolunteerPost[], input: SaveTeamRequest['posts']): VolunteerPost[] {
  const byId = new Map(old.map((post) => [post.id, post]));
  const kept = new Set(input.flatMap((post) => (post.id ? [post.id] : [])));
  for (const post of old) {
    if (!kept.has(post.id) && (post.taken > 0 || (post.line?.length ?? 0) > 0)) throw new CodedError('STAFF.POST_IN_USE');
  }
  return input.map((post) => {
    if (!post.id) return { id: newId('post'), name: post.name, duties: post.duties, capacity: post.capacity, taken: 0, line: [] };
    const current = byId.get(post.id);
    if (!current) throw new CodedError('DATA.NOT_FOUND', '没有找到这个岗位');
    if (post.capacity < current.capacity && current.taken > post.capacity) throw new CodedError('STAFF.SEATS_BELOW_TAKEN');
    return { ...current, name: post.name, duties: post.duties, capacity: post.capacity };
  });
}

export async function saveTeam(db: Db, input: SaveTeamRequest, now: Date): Promise<StaffTeamRow> {
  if (input.leaderMemberId && !(await db.byId<MemberDoc>('members', input.leaderMemberId))) {
    throw new CodedError('DATA.NOT_FOUND', '没有找到这位队长');
  }
  const fields = {
    name: input.name,
    category: input.category,
    description: input.description,
    skills: input.skills,
    leaderMemberId: input.leaderMemberId ?? null,
    updatedAt: now,
  };
  if (!input.teamId) {
    const id = newDocId('team', input.requestKey);
    await insertOnce(db, 'volunteerTeams', { _id: id, ...fields, posts: editedPosts([], input.posts), createdAt: now });
    return teamRow(await mustFind<VolunteerTeamDoc>(db, 'volunteerTeams', id));
  }
  const _ = db.command;
  // compare-and-set on the posts as read: a sign-up landing meanwhile makes the write miss, and it is redone
  for (let attempt = 0; attempt < 4; attempt++) {
    const old = await mustFind<VolunteerTeamDoc>(db, 'volunteerTeams', input.teamId);
    const posts = editedPosts(old.posts, input.posts);
    const written = await updateWhere(db, 'volunteerTeams', { _id: old._id, posts: _.eq(old.posts) }, { ...fields, skills: _.set(input.skills), posts: _.set(posts) });
    if (written) return teamRow(await mustFind<VolunteerTeamDoc>(db, 'volunteerTeams', old._id));
  }
  throw new CodedError('ENROLL.BUSY');
}
