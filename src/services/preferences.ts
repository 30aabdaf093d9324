/** The large-text preference is kept with the person's account and applied on this phone at once. */
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

/**
 * At the start of a session, on any device (weapp or H5): the large-text preference saved with the account wins
 * over this device's own, so it follows the person. Without a saved preference this device's stays.
 */
export async function followAccountPreferences(): Promise<void> {
  const me = await loadViewer();
  if (me && me.largeText !== null && me.largeText !== isLargeText()) setLargeText(me.largeText);
}
