import { Text, View } from '@tarojs/components';
import { useActingFor } from '../services/viewer';

/**
 * Tells a helper, on every screen where they act for a member, whom they act for: 正在为王建国报名 (or another
 * `doing`, e.g. 提建议). Nothing for the member.
 */
export function ActingBanner({ name, doing = '报名' }: { name?: string | null; doing?: string }) {
  const actingFor = useActingFor();
  const who = name === undefined ? actingFor : name;
  if (!who) return null;
  return (
    <View className='acting-banner' role='status'>
      <Text className='acting-banner__text'>{`正在为${who}${doing}`}</Text>
    </View>
  );
}
