import { Text, View } from '@tarojs/components';

/**
 * Tells a helper, on every screen where they act for a member, whom they act for: 正在为王建国报名 (or another
 * `doing`, e.g. 提建议). `name` comes from the screen's own answer (actingFor); nothing for the member.
 */
export function ActingBanner({ name, doing = '报名' }: { name: string | null | undefined; doing?: string }) {
  if (!name) return null;
  return (
    <View className='acting-banner' role='status'>
      <Text className='acting-banner__text'>{`正在为${name}${doing}`}</Text>
    </View>
  );
}
