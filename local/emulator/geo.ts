/**
 * Geo queries with 2dsphere semantics (what CloudBase's database runs), for Point documents:
 * - distances in metres on a sphere of radius 6,378,100 m (MongoDB's 2dsphere radius), by the haversine formula;
 * - `$nearSphere` / `$near` with `$geometry` (the SDK's `_.geoNear`): within `$minDistance`..`$maxDistance` metres,
 *   answered nearest first;
 * - `$geoWithin`: `$geometry` Polygon / MultiPolygon (point in polygon; edges taken as straight in lng/lat, which
 *   differs from geodesic edges by metres at county size), `$centerSphere` [[lng, lat], radians], `$box`;
 * - `$geoIntersects` with a Point document: inside the Polygon, or the same Point;
 * - the `$geoNear` aggregate stage (first stage): near, distanceField, minDistance, maxDistance, query, key,
 *   includeLocs, distanceMultiplier.
 * A declared collection (src/shared/collections.ts) must declare a geo index on the field, as the cloud requires one.
 * Documents whose field holds no Point never match (lines and polygons as stored values are not supported).
 */
export const EARTH_RADIUS_M = 6_378_100;

export type LngLat = [number, number];

const isNum = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** [lng, lat] of a GeoJSON Point or a legacy [lng, lat] pair; null for anything else. */
export function pointOf(value: unknown): LngLat | null {
  if (Array.isArray(value) && value.length === 2 && isNum(value[0]) && isNum(value[1])) return [value[0], value[1]];
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Point') {
    const c = (value as { coordinates?: unknown }).coordinates;
    if (Array.isArray(c) && c.length === 2 && isNum(c[0]) && isNum(c[1])) return [c[0], c[1]];
  }
  return null;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceM(a: LngLat, b: LngLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLng = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function inRing(p: LngLat, ring: LngLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const ringsOf = (value: unknown): LngLat[][] =>
  Array.isArray(value) ? value.map((ring) => (Array.isArray(ring) ? ring.map((pt) => pointOf(pt) ?? [NaN, NaN]) : [])) : [];

/** Inside the outer ring and outside every hole. */
function inPolygon(p: LngLat, rings: LngLat[][]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && inRing(p, outer) && !holes.some((hole) => inRing(p, hole));
}

export class GeoError extends Error {}

/** A predicate for `$geometry`: Point equality, or inside a Polygon / MultiPolygon. */
function geometryTest(geometry: unknown): (p: LngLat) => boolean {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object') throw new GeoError('$geometry must be a GeoJSON object');
  switch (g.type) {
    case 'Point': {
      const q = pointOf(g);
      if (!q) throw new GeoError('invalid GeoJSON Point');
      return (p) => p[0] === q[0] && p[1] === q[1];
    }
    case 'Polygon': {
      const rings = ringsOf(g.coordinates);
      return (p) => inPolygon(p, rings);
    }
    case 'MultiPolygon': {
      const polygons = Array.isArray(g.coordinates) ? g.coordinates.map(ringsOf) : [];
      return (p) => polygons.some((rings) => inPolygon(p, rings));
    }
    default:
      throw new GeoError(`unsupported $geometry type ${String(g.type)}`);
  }
}

export interface Near {
  point: LngLat;
  min: number;
  max: number;
}

/** `$nearSphere` / `$near` operand: { $geometry, $minDistance, $maxDistance } (metres). */
export function nearOf(spec: unknown): Near {
  const s = (spec ?? {}) as Record<string, unknown>;
  const point = pointOf(s.$geometry ?? spec);
  if (!point) throw new GeoError('$nearSphere needs a $geometry Point');
  const min = s.$minDistance === undefined ? 0 : Number(s.$minDistance);
  const max = s.$maxDistance === undefined ? Infinity : Number(s.$maxDistance);
  if (!(min >= 0) || !(max >= 0)) throw new GeoError('$minDistance and $maxDistance must be non-negative numbers');
  return { point, min, max };
}

export function nearTest(spec: unknown): (value: unknown) => boolean {
  const { point, min, max } = nearOf(spec);
  return (value) => {
    const p = pointOf(value);
    if (!p) return false;
    const d = distanceM(point, p);
    return d >= min && d <= max;
  };
}

export function withinTest(spec: unknown): (value: unknown) => boolean {
  const s = (spec ?? {}) as Record<string, unknown>;
  let test: (p: LngLat) => boolean;
  if (s.$geometry !== undefined) test = geometryTest(s.$geometry);
  else if (Array.isArray(s.$centerSphere)) {
    const center = pointOf(s.$centerSphere[0]);
    const radians = Number(s.$centerSphere[1]);
    if (!center || !(radians >= 0)) throw new GeoError('$centerSphere takes [[lng, lat], radians]');
    test = (p) => distanceM(center, p) <= radians * EARTH_RADIUS_M;
  } else if (Array.isArray(s.$box)) {
    const a = pointOf(s.$box[0]);
    const b = pointOf(s.$box[1]);
    if (!a || !b) throw new GeoError('$box takes [[lng, lat], [lng, lat]]');
    test = (p) => p[0] >= Math.min(a[0], b[0]) && p[0] <= Math.max(a[0], b[0]) && p[1] >= Math.min(a[1], b[1]) && p[1] <= Math.max(a[1], b[1]);
  } else throw new GeoError('$geoWithin needs $geometry, $centerSphere or $box');
  return (value) => {
    const p = pointOf(value);
    return p !== null && test(p);
  };
}

export function intersectsTest(spec: unknown): (value: unknown) => boolean {
  const test = geometryTest(((spec ?? {}) as Record<string, unknown>).$geometry);
  return (value) => {
    const p = pointOf(value);
    return p !== null && test(p);
  };
}

/** The first `$near`/`$nearSphere` of a query's top level: its field and point (for nearest-first answers). */
export function nearOfQuery(query: Record<string, unknown>): { field: string; near: Near } | null {
  for (const [field, condition] of Object.entries(query)) {
    if (!condition || typeof condition !== 'object' || field.startsWith('$')) continue;
    const c = condition as Record<string, unknown>;
    const spec = c.$nearSphere ?? c.$near;
    if (spec !== undefined) return { field, near: nearOf(spec) };
  }
  return null;
}

/** Operators that need a geo index on their field, per top-level field of a query. */
export function geoFieldsOf(query: Record<string, unknown>): string[] {
  return Object.entries(query)
    .filter(([field, c]) => !field.startsWith('$') && c && typeof c === 'object' && ['$nearSphere', '$near'].some((op) => op in (c as object)))
    .map(([field]) => field);
}
