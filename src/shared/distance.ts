/**
 * 就近: where a member is and how far a place is, in plain words. A position travels only with the list request
 * that sorts by distance (nothing stores it); without one the member's home town's centre stands in.
 * Coordinates are GCJ-02 (what WeChat's location APIs answer in mainland China), longitude first as in GeoJSON.
 */
import * as v from 'valibot';
import { coded } from './fields';

// in words, without the validation (cards on the first screen need only these)
export { distanceLine, distanceWords, nearWords, type NearAnswer } from './distance-words';

/** A GeoJSON Point as stored (db.Geo.Point): [longitude, latitude]. */
export interface GeoPoint {
  type: 'Point';
  coordinates: [number, number];
}

/** Where the member is right now, given with their consent for one request. */
export interface Position {
  longitude: number;
  latitude: number;
}

/** How a list is sorted by distance: from where the member is now, or from their home town's centre. */
export type NearFrom = Position | 'home';

export const isPosition = (value: unknown): value is Position => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 2 || !keys.includes('longitude') || !keys.includes('latitude')) return false;
  const { longitude, latitude } = value as Record<string, unknown>;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  return finite(longitude) && finite(latitude) && Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90;
};

const isNearFrom = (value: unknown): value is NearFrom => value === 'home' || isPosition(value);

/** The `near` field of a list request: 'home' or {longitude, latitude} within range; else INPUT.BAD_POSITION. */
export const nearField = v.optional(
  v.pipe(
    v.unknown(),
    coded('INPUT.BAD_POSITION', v.check<unknown, string>(isNearFrom, '位置不对，请重新取位置，或按您家所在乡镇排序')),
    v.transform((value) => value as NearFrom),
  ),
);

export const geoPoint = (longitude: number, latitude: number): GeoPoint => ({ type: 'Point', coordinates: [longitude, latitude] });

/**
 * The venue a place text names: the one with the longest name the text starts with (an activity at 县文化馆剧场 is
 * at the venue 县文化馆); null when none does.
 */
export function venueNamed<V extends { name: string }>(venues: readonly V[], place: string): V | null {
  const text = place.trim();
  let best: V | null = null;
  for (const venue of venues) if (venue.name && text.startsWith(venue.name) && venue.name.length > (best?.name.length ?? 0)) best = venue;
  return best;
}
