/**
 * Where the member is right now, asked only when they tap 用我现在的位置 (their consent), used for that one list
 * request and never kept. Weapp: wx.getLocation in GCJ-02 (WeChat shows its own permission sheet, worded by
 * `permission.scope.userLocation` in app.config.ts); or chooseLocation, picking a place on WeChat's map.
 * H5: the browser's geolocation (the browser asks; WGS-84, a few hundred metres off GCJ-02 in China, which is
 * fine for 约 x 公里). Any refusal or failure answers null and the screen falls back to the home town.
 */
import Taro from '@tarojs/taro';
import { isPosition, type Position } from '../shared/distance';

const TIMEOUT_MS = 10_000;

function rounded(longitude: number, latitude: number): Position | null {
  // about 10 m is precise enough to sort venues, and says no more than needed
  const p = { longitude: Math.round(longitude * 1e4) / 1e4, latitude: Math.round(latitude * 1e4) / 1e4 };
  return isPosition(p) ? p : null;
}

function browserPosition(): Promise<Position | null> {
  const geo = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
  if (!geo) return Promise.resolve(null);
  return new Promise((resolve) => {
    geo.getCurrentPosition(
      (pos) => resolve(rounded(pos.coords.longitude, pos.coords.latitude)),
      () => resolve(null),
      { enableHighAccuracy: false, timeout: TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}

/** The member's position now, or null (refused, switched off, timed out). */
export async function currentPosition(): Promise<Position | null> {
  if (process.env.TARO_ENV === 'h5') return browserPosition();
  try {
    const answer = await Taro.getLocation({ type: 'gcj02' });
    return rounded(answer.longitude, answer.latitude);
  } catch {
    return null;
  }
}

/** Weapp only: a place the member picks on WeChat's map (e.g. their home); null if they go back. */
export async function chosenPosition(): Promise<Position | null> {
  if (process.env.TARO_ENV !== 'weapp') return null;
  try {
    const answer = await Taro.chooseLocation({});
    return rounded(answer.longitude, answer.latitude);
  } catch {
    return null;
  }
}
