import { useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { ChoiceChips } from '../../components/ChoiceChips';
import { Notice } from '../../components/Notice';
import { WhenField } from '../../components/form/WhenField';
import { FormProblem, fieldProblem, useProblem } from '../../services/useSave';
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

/** Two chosen days as a period, or what is wrong, by the field it concerns. */
function periodOf(from: string, to: string): Period | FormProblem {
  if (!isDay(from)) return fieldProblem('from', '开始日期：请选一个日期');
  if (!isDay(to)) return fieldProblem('to', '结束日期：请选一个日期');
  if (from > to) return fieldProblem('to', '结束日期：不能早于开始日期');
  return { from, to };
}

/** A period for figures: a preset with one tap, or two days chosen on the date pickers. */
export function PeriodPicker({ presets, initial, onPeriod }: PeriodPickerProps) {
  const [chosen, setChosen] = useState(initial.key);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const { problem, show, errorOf } = useProblem();

  const choose = (key: string) => {
    const preset = presets.find((p) => p.key === key);
    if (!preset) return;
    setChosen(key);
    setFrom(preset.from);
    setTo(preset.to);
    show(null);
    onPeriod({ from: preset.from, to: preset.to });
  };
  const custom = () => {
    const period = periodOf(from.trim(), to.trim());
    if (period instanceof FormProblem) return show(period);
    show(null);
    setChosen('');
    onPeriod(period);
  };

  return (
    <>
      <ChoiceChips label='统计哪段时间' options={presets.map((p) => ({ value: p.key, label: p.label }))} selected={[chosen]} onToggle={choose} />
      <WhenField mode='date' name='from' error={errorOf('from')} label='开始日期' value={from} onChange={setFrom} />
      <WhenField mode='date' name='to' error={errorOf('to')} label='结束日期' value={to} onChange={setTo} />
      {problem?.field ? <Notice kind='error'>{`还不能统计：${problem.message}（见上面标红的一项）`}</Notice> : null}
      <BigButton kind='secondary' onClick={custom}>
        按这两个日期统计
      </BigButton>
    </>
  );
}
