import { useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { ChoiceChips } from '../../components/ChoiceChips';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { isDay, type PeriodPreset } from './form-values';

export interface Period {
  from: string;
  to: string;
}

interface PeriodPickerProps {
  presets: PeriodPreset[];
  /** the preset shown as chosen at first (the parent loads its period first) */
  initial: PeriodPreset;
  /** a preset tapped, or two valid days written */
  onPeriod: (period: Period) => void;
}

/** A period for figures: a preset with one tap, or two days written out (年-月-日). */
export function PeriodPicker({ presets, initial, onPeriod }: PeriodPickerProps) {
  const [chosen, setChosen] = useState(initial.key);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [bad, setBad] = useState(false);

  const choose = (key: string) => {
    const preset = presets.find((p) => p.key === key);
    if (!preset) return;
    setChosen(key);
    setFrom(preset.from);
    setTo(preset.to);
    setBad(false);
    onPeriod({ from: preset.from, to: preset.to });
  };
  const custom = () => {
    const ok = isDay(from.trim()) && isDay(to.trim()) && from.trim() <= to.trim();
    setBad(!ok);
    if (!ok) return;
    setChosen('');
    onPeriod({ from: from.trim(), to: to.trim() });
  };

  return (
    <>
      <ChoiceChips label='统计哪段时间' options={presets.map((p) => ({ value: p.key, label: p.label }))} selected={[chosen]} onToggle={choose} />
      <TextField label='从（年-月-日）' value={from} onChange={setFrom} maxLength={10} />
      <TextField label='到（年-月-日）' value={to} onChange={setTo} maxLength={10} />
      {bad ? <Notice kind='error'>日期请写成 2026-01-01 这样，开始日期不能晚于结束日期</Notice> : null}
      <BigButton kind='secondary' onClick={custom}>
        按这两个日期统计
      </BigButton>
    </>
  );
}
