import { Text, View } from '@tarojs/components';

interface NoticeProps {
  children: string;
  /** error: something to fix; done: a step that worked; info: a plain fact */
  kind?: 'error' | 'done' | 'info';
}

/** An inline message in the flow of the page (never a pop-up); errors are announced to screen readers. */
export function Notice({ children, kind = 'info' }: NoticeProps) {
  return (
    <View className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <Text className='notice__text'>{children}</Text>
    </View>
  );
}
