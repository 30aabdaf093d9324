import { Text, View } from '@tarojs/components';
import type { ConsentText as Consent } from '../shared/consent';

/** The consent text (个人信息说明) in plain words, shown in full before anything is stored. */
export function ConsentText({ consent }: { consent: Consent }) {
  return (
    <View className='consent'>
      <Text className='consent__title'>{consent.title}</Text>
      {consent.paragraphs.map((paragraph) => (
        <Text key={paragraph} className='consent__line'>
          {paragraph}
        </Text>
      ))}
    </View>
  );
}
