/** Payload validators of the `catalog` function (registered in schemas.ts). */
import { nearField } from './distance';
import { emptyPayload, payload } from './fields';

export const catalogSchemas = {
  home: emptyPayload,
  activities: payload({ near: nearField }),
};
