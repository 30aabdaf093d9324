import { Input } from './taroHeavy';
import { Field, type FieldFrameProps } from './form/Field';

interface TextFieldProps extends FieldFrameProps {
  value: string;
  onChange: (value: string) => void;
  /** digits only: the phone shows its number keyboard */
  numeric?: boolean;
  maxLength?: number;
}

/** A labelled, large input; the label is also the input's accessible name; its error shows under the label. */
export function TextField({ label, value, onChange, hint, error, name, numeric = false, maxLength = 50 }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} name={name}>
      <Input
        className='field__input'
        type={numeric ? 'number' : 'text'}
        value={value}
        maxlength={maxLength}
        ariaLabel={label}
        nativeProps={{ 'aria-label': label, ...(error ? { 'aria-invalid': 'true' } : {}), ...(numeric ? { inputMode: 'numeric', pattern: '[0-9]*' } : {}) }}
        onInput={(event) => onChange(event.detail.value)}
      />
    </Field>
  );
}
