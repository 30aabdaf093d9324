import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';

interface SectionProps {
  title: string;
  /** Shown in plain words when the section has nothing to list. */
  emptyText: string;
  count: number;
}

export function Section({ title, emptyText, count, children }: PropsWithChildren<SectionProps>) {
  return (
    <View className='section'>
      <Text className='section__title'>{title}</Text>
      {count === 0 ? <Text className='section__empty'>{emptyText}</Text> : children}
    </View>
  );
}
