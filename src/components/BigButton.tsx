import { TapButton } from './TapButton';

interface BigButtonProps {
  children: string;
  onClick: () => void;
  /** 'primary' is the one main action of a screen; 'secondary' is outlined. */
  kind?: 'primary' | 'secondary';
  pressed?: boolean;
}

/** Full-width, at least 60px tall, our own colours (Taro's green primary fails contrast). */
export function BigButton({ children, onClick, kind = 'primary', pressed }: BigButtonProps) {
  return (
    <TapButton className={`big-button big-button--${kind}`} pressedClass='big-button--hover' aria-pressed={pressed} onClick={onClick}>
      {children}
    </TapButton>
  );
}
