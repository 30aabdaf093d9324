import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';

/**
 * A box that only holds and lays out (a card, a section, a row): Taro's View in the weapp; a plain div in H5, where
 * each View is a custom element to upgrade, with three touch listeners.
 */
export function PlainBox({ className, children }: PropsWithChildren<{ className: string }>) {
  if (process.env.TARO_ENV === 'h5') return <div className={className}>{children}</div>;
  return <View className={className}>{children}</View>;
}
