import type { PropsWithChildren } from 'react';
import { PlainText } from './PlainText';
import { TapLink } from './TapLink';
import { cardContent, type CardProps } from './Card';

interface LinkCardProps extends CardProps {
  onClick: () => void;
  /** the last line, saying what a tap does */
  more?: string;
}

/** A card the whole of which is one big tap target leading to its detail screen. */
export function LinkCard({ onClick, more = '查看详情', children, ...card }: PropsWithChildren<LinkCardProps>) {
  return (
    <TapLink className='card link-card' pressedClass='link-card--pressed' onClick={onClick}>
      {cardContent(card)}
      {children}
      <PlainText className='link-card__more'>{`${more} ›`}</PlainText>
    </TapLink>
  );
}
