/**
 * figures: the bureau's figures for any period (staff and admin), on one call and as an .xlsx. Every figure is
 * counted by aggregate queries (compute.ts); the suggestion rates are the suggestion function's own.
 */
import * as cloud from 'wx-server-sdk';
import type { Contracts } from '../../src/shared/contracts';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { createHandler } from '../_lib/createHandler';
import { computeFigures } from './compute';
import { exportFigures } from './export';
import { clock } from '../_lib/clock';

export const main = createHandler<Contracts['figures']>(cloud, {
  figures: { input: schemas.figures.figures, roles: ROLES.staff, run: (p, { db }) => computeFigures(db, p, clock.now()) },
  exportFigures: {
    input: schemas.figures.exportFigures,
    roles: ROLES.staff,
    run: async (p, ctx) => {
      const now = clock.now();
      return exportFigures(ctx.cloud, await computeFigures(ctx.db, p, now), now);
    },
  },
}, { name: 'figures' });
