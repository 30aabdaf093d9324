import { Input, Text, View } from '@tarojs/components';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** digits only: the phone shows its number keyboard */
  numeric?: boolean;
  maxLength?: number;
}

/** A labelled, large input; the label is also the input's accessible name. */
export function TextField({ label, value, onChange, hint, numeric = false, maxLength = 50 }: TextFieldProps) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
      <Input
        className='field__input'
        type={numeric ? 'number' : 'text'}
        value={value}
        maxlength={maxLength}
        ariaLabel={label}
        nativeProps={{ 'aria-label': label, ...(numeric ? { inputMode: 'numeric', pattern: '[0-9]*' } : {}) }}
        onInput={(event) => onChange(event.detail.value)}
      />
    </View>
  );
}
