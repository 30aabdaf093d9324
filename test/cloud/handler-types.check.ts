/**
 * Compile-time checks of createHandler's typing (never executed; `npm run typecheck` fails if an expected
 * error disappears): a handler map must answer its contract's response shape and cover every action.
 */
import type { Contracts } from '../../src/shared/contracts';
import { schemas } from '../../src/shared/schemas';
import { ROLES } from '../../src/shared/roles';
import { createHandler } from '../../cloudfunctions/_lib/createHandler';
import type { Cloud } from '../../cloudfunctions/_lib/db';

declare const cloud: Cloud;

export const wrongResponse = () =>
  createHandler<Contracts['member']>(cloud, {
    me: {
      input: schemas.member.me,
      roles: ROLES.account,
      // @ts-expect-error the response lacks MeData's fields
      run: async () => ({ name: 'x' }),
    },
  }, { name: 'member' });

export const missingAction = () =>
  // @ts-expect-error catalog.activities is not handled
  createHandler<Contracts['catalog']>(cloud, {
    home: {
      input: schemas.catalog.home,
      roles: 'anyone',
      run: async () => ({ viewerName: null, staffEntry: false, largeText: null, unreadNotices: null, notices: [], activities: [], courses: [], hotline: null }),
    },
  }, { name: 'catalog' });

export const guestAccountMayBeNull = () =>
  createHandler<Contracts['catalog']>(cloud, {
    home: {
      input: schemas.catalog.home,
      roles: 'anyone',
      // @ts-expect-error an 'anyone' action's account may be null
      run: async (_input, { account }) => ({ viewerName: account.name, notices: [], activities: [], courses: [] }),
    },
    activities: { input: schemas.catalog.activities, roles: 'anyone', run: async () => ({ activities: [] }) },
  }, { name: 'catalog' });

export const nameRequired = () =>
  // @ts-expect-error a handler without its function name (the audit log would read '?.action')
  createHandler<Contracts['figures']>(cloud, {
    figures: { input: schemas.figures.figures, roles: ROLES.staff, run: async () => { throw new Error('unused'); } },
    exportFigures: { input: schemas.figures.exportFigures, roles: ROLES.staff, run: async () => { throw new Error('unused'); } },
  });
