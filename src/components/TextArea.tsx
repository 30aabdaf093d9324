import { Text } from '@tarojs/components';
import { Textarea } from './taroHeavy';
import { Field, type FieldFrameProps } from './form/Field';
import { VoiceInput } from './VoiceInput';
import './TextArea.scss';

interface TextAreaProps extends FieldFrameProps {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
}

/** Characters as a person counts them (an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}

/**
 * A labelled, tall text box with a running count (已写12字，最多1000字); the label is its accessible name.
 * 按住说话 below it adds spoken words to the box (cut at maxLength) for the person to correct.
 */
export function TextArea({ label, value, onChange, maxLength, hint, error, name }: TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} name={name} frameClass='text-area'>
      <Textarea
        className='text-area__box'
        value={value}
        maxlength={maxLength}
        autoHeight={false}
        ariaLabel={label}
        nativeProps={{ 'aria-label': label, ...(error ? { 'aria-invalid': 'true' } : {}) }}
        onInput={(event) => onChange(event.detail.value)}
      />
      <Text className='text-area__count' aria-live='polite'>{`已写${charCount(value)}字，最多${maxLength}字`}</Text>
      <VoiceInput onText={(text) => onChange([...`${value}${text}`].slice(0, maxLength).join(''))} />
    </Field>
  );
}
