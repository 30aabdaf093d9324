/** The large-text preference is kept with the person's account and applied on this phone at once. */
import Taro from '@tarojs/taro';
import { call } from './cloud';
import { isLargeText, setLargeText } from './textSize';
import { loadViewer } from './viewer';

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
 * The first time a person uses the app on a device (weapp or H5), large text saved with the account is taken over,
 * so it follows the person; like adoptLargeText it never makes text smaller on its own. Afterwards the switch keeps
 * device and account in step, and no screen pays a call for it.
 */
export async function followAccountPreferences(): Promise<void> {
  try {
    if (Taro.getStorageSync(SYNCED_KEY) === true) return;
  } catch {
    return;
  }
  const me = await loadViewer();
  if (!me) return;
  adoptLargeText(me.largeText === true);
  try {
    Taro.setStorageSync(SYNCED_KEY, true);
  } catch {
    // storage unavailable: asked again next session
  }
}
