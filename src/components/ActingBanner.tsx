import { Text, View } from '@tarojs/components';
import { useActingFor } from '../services/viewer';

/** Tells a helper on every sign-up screen whom they act for: 正在为王建国报名. Nothing for the member. */
export function ActingBanner({ name }: { name?: string | null }) {
  const actingFor = useActingFor();
  const who = name === undefined ? actingFor : name;
  if (!who) return null;
  return (
    <View className='acting-banner' role='status'>
      <Text className='acting-banner__text'>{`正在为${who}报名`}</Text>
    </View>
  );
}
