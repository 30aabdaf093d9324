import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import type { AppError } from '../shared/errors';
import { BigButton } from './BigButton';

interface StatusViewProps {
  loading: boolean;
  error: AppError | null;
  onRetry: () => void;
  /** True when loaded but there is nothing to show; emptyText says so in plain words. */
  empty?: boolean;
  emptyText?: string;
  /** the content is last time's answer and a fresh one is on its way */
  refreshing?: boolean;
}

/** Loading, error (with a big 重试 button) and empty states shared by every screen. */
export function StatusView({ loading, error, onRetry, empty = false, emptyText = '这里暂时没有内容', refreshing = false, children }: PropsWithChildren<StatusViewProps>) {
  if (loading) {
    return (
      <View className='status'>
        <Text className='status__text'>正在加载…</Text>
      </View>
    );
  }
  if (error) {
    return (
      <View className='status status--error'>
        <Text className='status__text'>{error.message}</Text>
        <BigButton onClick={onRetry}>重试</BigButton>
      </View>
    );
  }
  if (empty) {
    return (
      <View className='status'>
        <Text className='status__text'>{emptyText}</Text>
      </View>
    );
  }
  return (
    <>
      {refreshing ? (
        <View className='status__refreshing' role='status'>
          <Text>正在更新…</Text>
        </View>
      ) : null}
      {children}
    </>
  );
}
