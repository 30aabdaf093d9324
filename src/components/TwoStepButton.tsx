import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { BigButton } from './BigButton';

interface TwoStepButtonProps {
  /** the first button, e.g. 取消代办 */
  label: string;
  /** the question asked in place, e.g. 确定取消王晓梅的代办吗？ */
  question: string;
  confirmLabel: string;
  keepLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  /** checked before asking (a form's fields): false keeps the first button, the form showing what is wrong */
  ready?: () => boolean;
}

/** A careful action without a pop-up: the button turns into a question with 确定 / 不 in the same place. */
export function TwoStepButton({ label, question, confirmLabel, keepLabel, onConfirm, pending = false, ready }: TwoStepButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <BigButton kind='secondary' onClick={() => setAsking(!ready || ready())}>
        {label}
      </BigButton>
    );
  }
  return (
    <View className='two-step'>
      <Text className='two-step__question'>{question}</Text>
      <BigButton onClick={() => !pending && onConfirm()}>{pending ? '正在处理…' : confirmLabel}</BigButton>
      <BigButton kind='secondary' onClick={() => setAsking(false)}>
        {keepLabel}
      </BigButton>
    </View>
  );
}
