import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { fieldDomId } from '../../services/formFocus';

export interface FieldFrameProps {
  label: string;
  hint?: string;
  /** what is wrong with this field, in words that name it; shown right under the label */
  error?: string | null;
  /** the form's name of the field: lets an error scroll and focus here */
  name?: string;
  /** the frame's own class (default 'field') */
  frameClass?: string;
  /** the frame groups several controls (chips): it carries the label as a group name */
  group?: boolean;
}

/** The frame of every form field: label, hint, its own error, then the control. */
export function Field({ label, hint, error, name, frameClass = 'field', group = false, children }: PropsWithChildren<FieldFrameProps>) {
  return (
    <View className={error ? `${frameClass} field--error` : frameClass} id={name ? fieldDomId(name) : undefined} role={group ? 'group' : undefined} aria-label={group ? label : undefined}>
      <Text className='field__label'>{label}</Text>
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
      {error ? (
        <View className='field__error' role='alert'>
          <Text className='field__error-text'>{error}</Text>
        </View>
      ) : null}
      {children}
    </View>
  );
}
