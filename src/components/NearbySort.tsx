import { useState } from 'react';
import './NearbySort.scss';
import { Text, View } from '@tarojs/components';
import { nearWords, type NearAnswer, type NearFrom } from '../shared/distance';
import { chosenPosition, currentPosition } from '../services/position';
import { BigButton } from './BigButton';
import { Notice } from './Notice';

interface NearbySortProps {
  /** what the list on screen was measured from; undefined while it is in its usual order */
  near: NearAnswer | undefined;
  /** sort by distance from here / the home town, or back to the usual order (null) */
  onChange: (near: NearFrom | null) => void;
  /** the usual order, e.g. 按时间 */
  usualOrder: string;
}

type Step = 'idle' | 'asking' | 'locating' | 'failed';

/**
 * 按离我远近排序, in the page (no pop-up): the member chooses their position now (WeChat or the browser asks for
 * permission; the position goes with this one request and is not kept) or their home town; a refusal falls back to
 * the home town and says so.
 */
export function NearbySort({ near, onChange, usualOrder }: NearbySortProps) {
  const [step, setStep] = useState<Step>('idle');
  const located = async (find: () => Promise<NearFrom | null>) => {
    setStep('locating');
    const position = await find();
    setStep(position ? 'idle' : 'failed');
    onChange(position ?? 'home');
  };
  const choose = (from: NearFrom | null) => {
    setStep('idle');
    onChange(from);
  };

  if (step === 'asking') {
    return (
      <View className='nearby-sort' role='group' aria-label='按远近排序'>
        <Text className='nearby-sort__text'>
          可以用您现在的位置来算远近，也可以按您家所在的乡镇来算。您的位置只用这一次，不会保存。
        </Text>
        <BigButton kind='secondary' onClick={() => void located(currentPosition)}>
          用我现在的位置
        </BigButton>
        {process.env.TARO_ENV === 'weapp' ? (
          <BigButton kind='secondary' onClick={() => void located(chosenPosition)}>
            在地图上选一个地方
          </BigButton>
        ) : null}
        <BigButton kind='secondary' onClick={() => choose('home')}>
          按我家所在乡镇
        </BigButton>
        <BigButton kind='secondary' onClick={() => choose(null)}>
          {`不用了，还是${usualOrder}`}
        </BigButton>
      </View>
    );
  }
  return (
    <View className='nearby-sort'>
      {step === 'locating' ? <Notice>正在取您的位置……</Notice> : null}
      {step === 'failed' ? <Notice>没能取得您的位置（可能没有允许使用位置），先按您家所在乡镇排列。</Notice> : null}
      {near ? <Notice>{nearWords(near)}</Notice> : null}
      {near ? (
        <BigButton kind='secondary' onClick={() => choose(null)}>
          {`改回${usualOrder}`}
        </BigButton>
      ) : (
        <BigButton kind='secondary' onClick={() => setStep('asking')}>
          按离我远近排序
        </BigButton>
      )}
    </View>
  );
}
