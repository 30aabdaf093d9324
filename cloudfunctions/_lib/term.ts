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
