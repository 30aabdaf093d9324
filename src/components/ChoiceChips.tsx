import { Button, Text, View } from '@tarojs/components';

interface ChoiceChipsProps {
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  selected: readonly string[];
  onToggle: (value: string) => void;
  hint?: string;
}

/** Big tap-to-toggle chips for picking one or several options (no dropdowns, no precise gestures). */
export function ChoiceChips({ label, options, selected, onToggle, hint }: ChoiceChipsProps) {
  return (
    <View className='chips' role='group' aria-label={label}>
      <Text className='chips__label'>{label}</Text>
      {hint ? <Text className='chips__hint'>{hint}</Text> : null}
      <View className='chips__list'>
        {options.map((option) => {
          const on = selected.includes(option.value);
          return (
            <Button key={option.value} className={on ? 'chip chip--on' : 'chip'} aria-pressed={on} onClick={() => onToggle(option.value)}>
              {on ? `✓ ${option.label}` : option.label}
            </Button>
          );
        })}
      </View>
    </View>
  );
}

/** Options from plain labels. */
export function optionsOf(labels: readonly string[]): Array<{ value: string; label: string }> {
  return labels.map((label) => ({ value: label, label }));
}
