import type { PropsWithChildren } from 'react';
import { Button } from '@tarojs/components';

interface TapButtonProps {
  className: string;
  /** the look of a press: the weapp Button's hover-class; in H5 the stylesheet gives the class's :active the same */
  pressedClass?: string;
  onClick?: () => void;
  disabled?: boolean;
  'aria-pressed'?: boolean;
}

/**
 * Every button: WeChat's Button in the weapp; a native button in H5. Taro's H5 Button is a custom element without
 * a role or keyboard focus (screen readers did not call it a button, Tab never reached it), and on the first screen
 * it is one more element to upgrade, with its touch listeners, per button.
 */
export function TapButton({ className, pressedClass, onClick, disabled, 'aria-pressed': pressed, children }: PropsWithChildren<TapButtonProps>) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <button type='button' className={`tap-button ${className}`} disabled={disabled} aria-pressed={pressed} onClick={onClick}>
        {children}
      </button>
    );
  }
  return (
    <Button className={className} hoverClass={pressedClass} disabled={disabled} aria-disabled={disabled ? 'true' : undefined} aria-pressed={pressed} onClick={onClick}>
      {children}
    </Button>
  );
}
