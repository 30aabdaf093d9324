import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { Card } from './Card';

interface LinkCardProps {
  title: string;
  lines?: Array<string | null | undefined>;
  badge?: string;
  onClick: () => void;
  /** the last line, saying what a tap does */
  more?: string;
}

/** A card the whole of which is one big tap target leading to its detail screen. */
export function LinkCard({ onClick, more = '查看详情', children, ...card }: PropsWithChildren<LinkCardProps>) {
  return (
    <View className='link-card' role='link' hoverClass='link-card--pressed' onClick={onClick}>
      <Card {...card}>
        {children}
        <Text className='link-card__more'>{`${more} ›`}</Text>
      </Card>
    </View>
  );
}
