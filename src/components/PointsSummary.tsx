import { Text, View } from '@tarojs/components';
import type { PointsSummary as Summary } from '../shared/contracts-member';
import './PointsSummary.scss';

/** 我的积分: 学习积分 and volunteer hours, one plain line each, with how each is earned in words. */
export function PointsSummary({ points }: { points: Summary }) {
  return (
    <View className='points' role='region' aria-label='我的积分和时长'>
      <Text className='points__title'>我的积分和时长</Text>
      {points.lines.map((line) => (
        <View key={line.key} className='points__line'>
          <Text className='points__value'>{`${line.label}：${line.value}`}</Text>
          <Text className='points__detail'>{line.detail}</Text>
          <Text className='points__rule'>{`怎么算：${line.rule}`}</Text>
        </View>
      ))}
    </View>
  );
}
