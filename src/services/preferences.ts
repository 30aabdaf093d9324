/** The large-text preference is kept with the person's account and applied on this phone at once. */
import Taro from '@tarojs/taro';
import { call } from './cloud';
import { isLargeText, setLargeText } from './textSize';

/** Applies the switch now and saves it to the account in the background (a failed save keeps it on this phone). */
export function saveLargeText(large: boolean): void {
  setLargeText(large);
  void call('member', 'updateProfile', { largeText: large });
}

/**
 * Takes over large text kept with the account (e.g. after binding on a new phone). Never makes text smaller on
 * its own: someone who just enlarged it on this phone keeps it.
 */
export function adoptLargeText(large: boolean): void {
  if (large && !isLargeText()) setLargeText(true);
}

/** Set once the account's preferences were taken over on this device (weapp storage is per WeChat user). */
const SYNCED_KEY = 'prefsSynced';

/**
 * The first time a person's first screen loads on a device (weapp or H5), large text saved with the account (carried
 * in that screen's answer, e.g. catalog.home) is taken over, so it follows the person; like adoptLargeText it never
 * makes text smaller on its own. Afterwards the switch keeps device and account in step; no call is made for it.
 */
export function followAccountPreferences(largeText: boolean | null | undefined): void {
  if (largeText === null || largeText === undefined) return;
  try {
    if (Taro.getStorageSync(SYNCED_KEY) === true) return;
    adoptLargeText(largeText);
    Taro.setStorageSync(SYNCED_KEY, true);
  } catch {
    adoptLargeText(largeText); // storage unavailable: taken over again next session, never made smaller
  }
}
