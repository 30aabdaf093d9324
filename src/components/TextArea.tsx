import { Text, Textarea, View } from '@tarojs/components';
import { VoiceInput } from './VoiceInput';
import './TextArea.scss';

interface TextAreaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  hint?: string;
}

/** Characters as a person counts them (an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}

/**
 * A labelled, tall text box with a running count (已写12字，最多1000字); the label is its accessible name.
 * 按住说话 below it adds spoken words to the box (cut at maxLength) for the person to correct.
 */
export function TextArea({ label, value, onChange, maxLength, hint }: TextAreaProps) {
  return (
    <View className='text-area'>
      <Text className='field__label'>{label}</Text>
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
      <Textarea
        className='text-area__box'
        value={value}
        maxlength={maxLength}
        autoHeight={false}
        ariaLabel={label}
        nativeProps={{ 'aria-label': label }}
        onInput={(event) => onChange(event.detail.value)}
      />
      <Text className='text-area__count' aria-live='polite'>{`已写${charCount(value)}字，最多${maxLength}字`}</Text>
      <VoiceInput onText={(text) => onChange([...`${value}${text}`].slice(0, maxLength).join(''))} />
    </View>
  );
}
