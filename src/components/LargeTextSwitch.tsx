import { Text, View } from '@tarojs/components';
import { saveLargeText } from '../services/preferences';
import { setLargeText, useLargeText } from '../services/textSize';
import { BigButton } from './BigButton';

/** The in-app large-text switch; applies at once, and is kept with the account when `keep` is set. */
export function LargeTextSwitch({ keep }: { keep: boolean }) {
  const [large] = useLargeText();
  const toggle = () => (keep ? saveLargeText(!large) : setLargeText(!large));
  return (
    <View className='text-size'>
      <Text className='text-size__label'>{large ? '现在是大字模式' : '现在是标准字体'}</Text>
      <BigButton kind='secondary' pressed={large} onClick={toggle}>
        {large ? '恢复标准字体' : '把字调大'}
      </BigButton>
    </View>
  );
}
