/**
 * The senior university's current term: the `settings` document {_id: 'currentTerm', termId} when staff set
 * it, otherwise the term of the course whose enrolment opened most recently (the latest course overall if
 * none has opened yet).
 */
import type { CourseDoc } from '../../src/shared/documents';
import type { Db } from './db';
import { clock } from './clock';

export interface CurrentTermSetting {
  _id: 'currentTerm';
  termId: string;
}

export async function currentTermId(db: Db, now: Date = clock.now()): Promise<string | null> {
  const setting = await db.byId<CurrentTermSetting>('settings', 'currentTerm');
  if (setting?.termId) return setting.termId;
  const latest = (where: Record<string, unknown>) =>
    db.find<Pick<CourseDoc, 'termId'>>('courses', {
      where,
      orderBy: [['enrollOpensAt', 'desc']],
      limit: 1,
      fields: { termId: true },
    });
  const [opened] = await latest({ enrollOpensAt: db.command.lte(now) });
  if (opened) return opened.termId;
  const [any] = await latest({});
  return any?.termId ?? null;
}

/** The current term with the name staff gave it (its id when they gave none); null before any course exists. */
export async function currentTerm(db: Db, now: Date = clock.now()): Promise<{ id: string; name: string } | null> {
  const [setting, termId] = await Promise.all([
    db.byId<CurrentTermSetting & { name?: string }>('settings', 'currentTerm'),
    currentTermId(db, now),
  ]);
  return termId ? { id: termId, name: setting?.termId === termId && setting.name ? setting.name : termId } : null;
}
