import type { PropsWithChildren } from 'react';
import { Text } from '@tarojs/components';

interface PlainTextProps {
  className?: string;
  'aria-hidden'?: boolean;
}

/**
 * A run of static text in a list or a card: Taro's Text in the weapp; in H5 a plain span, where each Text is a
 * custom element to upgrade and render (the home screen draws about 70 of them: its first visit about 4% sooner at
 * 4× CPU with spans). Like Text, not selectable: a long press on a card does not start a selection.
 */
export function PlainText({ className, children, 'aria-hidden': ariaHidden }: PropsWithChildren<PlainTextProps>) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <span className={className ? `plain-text ${className}` : 'plain-text'} aria-hidden={ariaHidden}>
        {children}
      </span>
    );
  }
  return (
    <Text className={className} aria-hidden={ariaHidden}>
      {children}
    </Text>
  );
}
