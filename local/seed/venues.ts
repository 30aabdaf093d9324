/**
 * Where things are in 示例县 (GCJ-02, longitude first): each town's centre and the venues — the university's
 * campuses (教学点), the 云课堂 收视点 and the activity venues. Plausible for one county of about 30 × 30 km:
 * 城关镇 is the county seat, 城东/城西街道 border it, the other towns lie 12–16 km out. A venue's place text starts
 * with its name (activities say 县文化馆剧场, the venue is 县文化馆), so `locationOf` finds it by prefix.
 */
import { geoPoint, venueNamed, type GeoPoint } from '../../src/shared/distance';
import type { TownDoc, VenueDoc } from '../../src/shared/documents';
import { TOWNS } from './county';

const TOWN_CENTRES: Record<string, [number, number]> = {
  城关镇: [117.0, 36.0],
  城东街道: [117.025, 36.004],
  城西街道: [116.975, 35.998],
  青山镇: [117.08, 36.11],
  河口镇: [117.15, 35.93],
  白马镇: [116.89, 36.07],
  桃源乡: [116.93, 35.9],
  新集镇: [117.04, 35.88],
};

export type VenueKind = 'campus' | 'screening' | 'activity';

export interface Venue {
  /** the venue's name; a place text starting with it is at this venue */
  name: string;
  town: string;
  kind: VenueKind;
  location: GeoPoint;
}

const venue = (name: string, town: string, kind: VenueKind, lng: number, lat: number): Venue => ({ name, town, kind, location: geoPoint(lng, lat) });

export const VENUES: readonly Venue[] = [
  // campuses (教学点), by the address in university.ts
  venue('城关镇文化路18号县老干部活动中心', '城关镇', 'campus', 117.003, 36.0015),
  venue('青山镇青山社区综合服务中心', '青山镇', 'campus', 117.082, 36.108),
  venue('河口镇政府院内文化站', '河口镇', 'campus', 117.148, 35.932),
  venue('白马镇白马社区老年活动室', '白马镇', 'campus', 116.892, 36.068),
  venue('城东街道滨河社区党群服务中心', '城东街道', 'campus', 117.028, 36.002),
  // 云课堂 收视点 (screenings of recorded lessons in the villages and communities)
  venue('城西街道西园社区党群服务中心', '城西街道', 'screening', 116.973, 35.999),
  venue('青山镇石桥村村委会', '青山镇', 'screening', 117.095, 36.125),
  venue('河口镇柳湾村党群服务中心', '河口镇', 'screening', 117.163, 35.921),
  venue('桃源乡桃源村党群服务中心', '桃源乡', 'screening', 116.932, 35.902),
  venue('新集镇新集社区党群服务中心', '新集镇', 'screening', 117.041, 35.882),
  venue('白马镇杏花村文化大院', '白马镇', 'screening', 116.876, 36.081),
  // activity venues
  venue('县老干部活动中心', '城关镇', 'activity', 117.003, 36.0015),
  venue('县全民健身中心', '城关镇', 'activity', 117.012, 35.994),
  venue('县文化馆', '城关镇', 'activity', 116.996, 36.004),
  venue('县委老干部局', '城关镇', 'activity', 117.001, 36.006),
  venue('县人民医院', '城西街道', 'activity', 116.988, 35.996),
  venue('县委党校', '城西街道', 'activity', 116.978, 36.01),
];

/** The venue a place text names (it starts with the venue's name); null when none does. */
export function venueOf(place: string): Venue | null {
  return venueNamed(VENUES, place);
}

/** The venues as stored (the staff function finds a published activity's point by its place). */
export function buildVenues(): VenueDoc[] {
  return VENUES.map((v, i) => ({ _id: `venue-${String(i + 1).padStart(2, '0')}`, ...v }));
}

/** `{ location }` for a place at a known venue, `{}` otherwise (spread into a document). */
export function locationOf(place: string): { location?: GeoPoint } {
  const found = venueOf(place);
  return found ? { location: found.location } : {};
}

export function buildTowns(): TownDoc[] {
  return TOWNS.map((town, i) => {
    const centre = TOWN_CENTRES[town.name];
    if (!centre) throw new Error(`town ${town.name} has no centre`);
    return { _id: `town-${String(i + 1).padStart(2, '0')}`, name: town.name, location: geoPoint(centre[0], centre[1]) };
  });
}
