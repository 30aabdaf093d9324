import type { KeyboardEvent, PropsWithChildren } from 'react';
import { View } from '@tarojs/components';

interface TapLinkProps {
  className: string;
  /** the look of a press: the weapp View's hover-class; in H5 the stylesheet gives the class's :active the same */
  pressedClass: string;
  onClick: () => void;
  'aria-label'?: string;
  'aria-current'?: 'page';
}

/**
 * A block the whole of which opens another screen (a card in a list, a tab): a View with role link in the weapp; in
 * H5 a div a keyboard reaches with Tab and opens with Enter, as a link (Taro's View took no focus).
 */
export function TapLink({ className, pressedClass, onClick, 'aria-label': label, 'aria-current': current, children }: PropsWithChildren<TapLinkProps>) {
  if (process.env.TARO_ENV === 'h5') {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter') onClick();
    };
    return (
      <div className={className} role='link' tabIndex={0} aria-label={label} aria-current={current} onClick={onClick} onKeyDown={onKeyDown}>
        {children}
      </div>
    );
  }
  return (
    <View className={className} role='link' aria-label={label} aria-current={current} hoverClass={pressedClass} onClick={onClick}>
      {children}
    </View>
  );
}
