import { View } from '@tarojs/components';
import { Field, type FieldFrameProps } from './form/Field';
import { TapButton } from './TapButton';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface ChoiceChipsProps<T extends string> extends FieldFrameProps {
  options: ReadonlyArray<Choice<T>>;
  /** nothing selected means the person has not chosen yet (no pre-selected default where a wrong one is costly) */
  selected: readonly T[];
  onToggle: (value: T) => void;
}

/** Big tap-to-toggle chips for picking one or several options (no dropdowns, no precise gestures). */
export function ChoiceChips<T extends string>({ label, options, selected, onToggle, hint, error, name }: ChoiceChipsProps<T>) {
  return (
    <Field label={label} hint={hint} error={error} name={name} frameClass='chips' group>
      <View className='chips__list'>
        {options.map((option) => {
          const on = selected.includes(option.value);
          return (
            <TapButton key={option.value} className={on ? 'chip chip--on' : 'chip'} aria-pressed={on} onClick={() => onToggle(option.value)}>
              {on ? `✓ ${option.label}` : option.label}
            </TapButton>
          );
        })}
      </View>
    </Field>
  );
}

/** Options from plain labels. */
export function optionsOf<T extends string>(labels: readonly T[]): Array<Choice<T>> {
  return labels.map((label) => ({ value: label, label }));
}
