/** The scan's answer, big and plain: ✓ 签到成功 with the activity and the time, or ✗ with the reason. */
import { Text, View } from '@tarojs/components';
import type { ScanData } from '../../shared/contracts-checkin';

export function ScanSuccess({ result, forOther }: { result: ScanData; forOther: boolean }) {
  const headline = forOther ? `${result.memberName}${result.headline}` : result.headline;
  return (
    <View className='scan-result scan-result--done' role='status'>
      <Text className='scan-result__headline'>{`✓ ${headline}`}</Text>
      <Text className='scan-result__title'>{result.target.title}</Text>
      <Text className='scan-result__line'>{result.detail}</Text>
      <Text className='scan-result__line'>{`地点：${result.target.place}`}</Text>
      {result.walkUp ? <Text className='scan-result__line'>您没有提前报名，已为您现场报名。</Text> : null}
    </View>
  );
}

export function ScanFailure({ reason }: { reason: string }) {
  return (
    <View className='scan-result scan-result--failed' role='alert'>
      <Text className='scan-result__headline'>✗ 没有签上</Text>
      <Text className='scan-result__line'>{reason}</Text>
    </View>
  );
}
