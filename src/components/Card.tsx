import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';

interface CardProps {
  title: string;
  /** Lines under the title, each a plain sentence; empty ones are left out. */
  lines?: Array<string | null | undefined>;
  /** A highlighted fact, e.g. seats left. */
  badge?: string;
}

export function Card({ title, lines = [], badge, children }: PropsWithChildren<CardProps>) {
  return (
    <View className='card'>
      <Text className='card__title'>{title}</Text>
      {lines.filter((line): line is string => Boolean(line)).map((line) => (
        <Text key={line} className='card__line'>
          {line}
        </Text>
      ))}
      {badge ? <Text className='card__badge'>{badge}</Text> : null}
      {children}
    </View>
  );
}
