import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';

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
      <Text className='card__title'>{title}</Text>
      {lines.filter((line): line is string => Boolean(line)).map((line) => (
        <Text key={line} className='card__line'>
          {line}
        </Text>
      ))}
      {badge ? <Text className='card__badge'>{badge}</Text> : null}
    </>
  );
}

export function Card({ children, ...card }: PropsWithChildren<CardProps>) {
  return (
    <View className='card'>
      {cardContent(card)}
      {children}
    </View>
  );
}
