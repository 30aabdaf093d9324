import { Text, View } from '@tarojs/components';

/** A screen's big heading and, optionally, one plain sentence saying what the screen is for. */
export function PageTitle({ title, intro }: { title: string; intro?: string }) {
  return (
    <View className='page-title'>
      <View className='page-title__text' role='heading' aria-level={1}>
        <Text>{title}</Text>
      </View>
      {intro ? <Text className='page-title__intro'>{intro}</Text> : null}
    </View>
  );
}
