import { Picker, Text, View } from '@tarojs/components';
import { Field, type FieldFrameProps } from './Field';

interface WhenFieldProps extends FieldFrameProps {
  /** date: 'YYYY-MM-DD'; time: 'HH:mm' */
  mode: 'date' | 'time';
  value: string;
  onChange: (value: string) => void;
  /** what to show before anything is chosen */
  placeholder?: string;
}

/**
 * A date or time chosen, never typed: the weapp's own picker (Picker mode date/time), and in H5 the browser's date
 * and time input, which is a picker on phones and types with the keyboard elsewhere.
 */
export function WhenField({ mode, value, onChange, placeholder, label, hint, error, name }: WhenFieldProps) {
  const empty = placeholder ?? (mode === 'date' ? '点这里选日期' : '点这里选时间');
  return (
    <Field label={label} hint={hint} error={error} name={name}>
      {process.env.TARO_ENV === 'h5' ? (
        <input
          className='field__input field__native'
          type={mode}
          value={value}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <Picker mode={mode} value={value} onChange={(event) => onChange(String(event.detail.value))}>
          <View className='field__input field__picker' aria-label={label} role='button'>
            <Text>{value || empty}</Text>
          </View>
        </Picker>
      )}
    </Field>
  );
}
