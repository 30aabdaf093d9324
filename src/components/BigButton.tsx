import { Button } from '@tarojs/components';

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
    <Button className={`big-button big-button--${kind}`} hoverClass='big-button--hover' aria-pressed={pressed} onClick={onClick}>
      {children}
    </Button>
  );
}
