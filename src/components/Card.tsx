import type { PropsWithChildren } from 'react';
import { PlainBox } from './PlainBox';
import { PlainText } from './PlainText';

export interface CardProps {
  title: string;
  /** Lines under the title, each a plain sentence; empty ones are left out. */
  lines?: Array<string | null | undefined>;
  /** A highlighted fact, e.g. seats left. */
  badge?: string;
}

/** A card's title, lines and badge (also LinkCard's, which is the card itself: no extra box to draw). */
export function cardContent({ title, lines = [], badge }: CardProps) {
  return (
    <>
      <PlainText className='card__title'>{title}</PlainText>
      {lines.filter((line): line is string => Boolean(line)).map((line) => (
        <PlainText key={line} className='card__line'>
          {line}
        </PlainText>
      ))}
      {badge ? <PlainText className='card__badge'>{badge}</PlainText> : null}
    </>
  );
}

export function Card({ children, ...card }: PropsWithChildren<CardProps>) {
  return (
    <PlainBox className='card'>
      {cardContent(card)}
      {children}
    </PlainBox>
  );
}
