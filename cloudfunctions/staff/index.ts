/**
 * staff: the bureau's staff section — 工作台 (home, one call), publishing (activities, term and courses, associations, teams and posts),
 * cancelling an activity, rosters with check-in status and their .xlsx export (leaders: their own groups only),
 * care visits (走访慰问) and their due list, and the staff audit log (admins). Every write is audited.
 */
import * as cloud from 'wx-server-sdk';
import type { Contracts } from '../../src/shared/contracts';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { createHandler } from '../_lib/createHandler';
import { auditDoc, auditSaved } from '../_lib/staff-audit';
import { checkCounters, repairCounter, repairedCollection } from '../_domain/integrity/check';
import { auditLog } from './audit-log';
import { cancelActivity } from './cancel';
import { staffHome } from './home';
import { catalog, catalogItem, saveActivity, saveAssociation, saveCourse, saveTeam, setTerm } from './publish';
import { exportRoster, groupRoster } from './rosters';
import { saveSettings, settingsView } from './settings';
import { visitsDue } from '../_domain/visits/due';
import { listVisits, recordVisit, setHospital } from './visits';
import { clock } from '../_lib/clock';

const input = schemas.staff;

export const main = createHandler<Contracts['staff']>(cloud, {
  home: {
    input: input.home,
    roles: ROLES.staff,
    run: async (_in, { db, account }) => ({ ...(await staffHome(db, clock.now())), isAdmin: account.role === 'admin' }),
  },
  catalog: { input: input.catalog, roles: ROLES.staff, run: (_in, { db }) => catalog(db, clock.now()) },
  catalogItem: { input: input.catalogItem, roles: ROLES.staff, run: (p, { db }) => catalogItem(db, p, clock.now()) },
  saveActivity: {
    input: input.saveActivity,
    roles: ROLES.staff,
    run: (p, { db }) => saveActivity(db, p, clock.now()),
    audit: auditSaved('activities', (p) => p.activityId),
  },
  cancelActivity: {
    input: input.cancelActivity,
    roles: ROLES.staff,
    run: (p, ctx) => cancelActivity(ctx.db, ctx.cloud, ctx.account, p, clock.now()),
    audit: auditDoc('activities', (p) => p.activityId),
  },
  setTerm: { input: input.setTerm, roles: ROLES.staff, run: (p, { db }) => setTerm(db, p), audit: auditDoc('settings', () => 'currentTerm') },
  saveCourse: {
    input: input.saveCourse,
    roles: ROLES.staff,
    run: (p, { db }) => saveCourse(db, p, clock.now()),
    audit: auditSaved('courses', (p) => p.courseId),
  },
  saveAssociation: {
    input: input.saveAssociation,
    roles: ROLES.staff,
    run: (p, { db }) => saveAssociation(db, p, clock.now()),
    audit: auditSaved('associations', (p) => p.associationId),
  },
  saveTeam: {
    input: input.saveTeam,
    roles: ROLES.staff,
    run: (p, { db }) => saveTeam(db, p, clock.now()),
    audit: auditSaved('volunteerTeams', (p) => p.teamId),
  },
  roster: { input: input.roster, roles: ROLES.runners, run: (p, { db, account }) => groupRoster(db, account, p) },
  exportRoster: { input: input.exportRoster, roles: ROLES.runners, run: (p, ctx) => exportRoster(ctx.db, ctx.cloud, ctx.account, p, clock.now()) },
  recordVisit: {
    input: input.recordVisit,
    roles: ROLES.staff,
    run: (p, { db, account }) => recordVisit(db, account, p, clock.now()),
    audit: { created: (row) => [{ collection: 'visits', id: row.id }] },
  },
  visits: { input: input.visits, roles: ROLES.staff, run: (p, { db }) => listVisits(db, p) },
  setHospital: {
    input: input.setHospital,
    roles: ROLES.staff,
    run: (p, { db }) => setHospital(db, p, clock.now()),
    audit: auditDoc('members', (p) => p.memberId),
  },
  visitsDue: { input: input.visitsDue, roles: ROLES.staff, run: (_in, { db }) => visitsDue(db, clock.now()) },
  auditLog: { input: input.auditLog, roles: ROLES.admin, run: (p, { db }) => auditLog(db, p) },
  settings: { input: input.settings, roles: ROLES.admin, run: (_in, { db }) => settingsView(db) },
  saveSettings: {
    input: input.saveSettings,
    roles: ROLES.admin,
    run: (p, { db, account }) => saveSettings(db, account, p, clock.now()),
    audit: auditDoc('settings', () => 'bureau'),
  },
  integrity: { input: input.integrity, roles: ROLES.admin, run: (_in, { db }) => checkCounters(db, clock.now()) },
  repairCounter: {
    input: input.repairCounter,
    roles: ROLES.admin,
    run: async (p, { db }) => ({ repaired: await repairCounter(db, p), check: await checkCounters(db, clock.now()) }),
    audit: { targets: (p) => [{ collection: repairedCollection(p.kind), id: p.id }] },
  },
}, { name: 'staff' });
