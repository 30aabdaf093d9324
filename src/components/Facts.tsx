import { Text, View } from '@tarojs/components';

/** Label-value facts of one thing (老师, 上课时间, 地点 ...), each on its own lines; empty values are left out. */
export function Facts({ items }: { items: ReadonlyArray<readonly [string, string | null | undefined]> }) {
  return (
    <View className='facts'>
      {items
        .filter((item): item is readonly [string, string] => Boolean(item[1]))
        .map(([label, value]) => (
          <View key={label} className='facts__row'>
            <Text className='facts__label'>{`${label}：`}</Text>
            <Text className='facts__value'>{value}</Text>
          </View>
        ))}
    </View>
  );
}
