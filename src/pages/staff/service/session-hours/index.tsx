import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { Notice } from '../../../../components/Notice';
import { Section } from '../../../../components/Section';
import { StaffPage } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { TextField } from '../../../../components/TextField';
import { WhenField } from '../../../../components/form/WhenField';
import { openPage } from '../../../../services/routes';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import { fieldProblem, useProblem } from '../../../../services/useSave';
import type { SessionDetailData } from '../../../../shared/contracts-checkin';
import { hoursText } from '../../../../shared/timebank-rules';
import { partsOf } from '../../form-values';
import { confirmPreview, minutesOf, whenText } from '../session-values';
import '../../staff.scss';

type How = 'minutes' | 'times';

function Confirm({ data, onDone }: { data: SessionDetailData; onDone: () => void }) {
  const s = data.session;
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [how, setHow] = useState<How>('minutes');
  const [typed, setTyped] = useState({ minutes: String(s.scheduledMinutes), from: partsOf(s.startAt).clock, to: partsOf(s.endAt).clock });
  const [note, setNote] = useState('');
  const { problem, show, errorOf } = useProblem();
  const [results, setResults] = useState<string[] | null>(null);
  const confirm = useAction('checkin', 'confirmHours');
  const shown = data.volunteers.filter((v) => v.name.includes(name.trim()));
  const minutes = minutesOf(how, typed, s);
  const preview = typeof minutes === 'number' ? confirmPreview(minutes, s, data.rules) : null;
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  if (results) {
    return (
      <>
        <Section title='记入结果' emptyText='' count={results.length}>
          {results.map((line, i) => (
            <Notice key={i} kind='done'>
              {line}
            </Notice>
          ))}
        </Section>
        <BigButton onClick={() => openPage('staffSession', { id: s.id })}>看这个时段的出勤和时长</BigButton>
        <BigButton kind='secondary' onClick={onDone}>
          再给别人确认
        </BigButton>
      </>
    );
  }
  const submit = async () => {
    if (picked.length === 0) return show(fieldProblem('picked', '选择老同志：请至少选一位'));
    if (typeof minutes !== 'number') return show(minutes);
    show(null);
    const lines: string[] = [];
    for (const memberId of picked) {
      const who = data.volunteers.find((v) => v.memberId === memberId)?.name ?? '';
      const answer = await confirm.run({ sessionId: s.id, memberId, minutes, ...(note.trim() ? { note: note.trim() } : {}) });
      if (!answer) continue;
      if (!answer.ok) lines.push(`${who}：没有记入，${answer.error.message}`);
      else if (answer.data.already) lines.push(`${who}：这次服务之前已经记过${answer.data.entry?.hoursText ?? ''}，没有重复记`);
      else if (answer.data.entry) lines.push(`${who}：已记入${hoursText(answer.data.entry.hours)}`);
      else lines.push(`${who}：没有记入，${answer.data.credit.reason ?? ''}`);
    }
    setResults(lines);
  };
  return (
    <>
      <Card title={`${s.teamName}·${s.title}`} lines={[whenText(s), `计划${s.scheduledMinutes}分钟`]} />
      <TextField label='按姓名找' value={name} onChange={setName} maxLength={20} hint='写姓名里的一个字也行' />
      {shown.length ? (
        <ChoiceChips
          name='picked'
          error={errorOf('picked')}
          label='选择老同志（可以选几位）'
          options={shown.map((v) => ({ value: v.memberId, label: v.hours ? `${v.name}（已记${hoursText(v.hours)}）` : v.name }))}
          selected={picked}
          onToggle={toggle}
        />
      ) : (
        <Notice>{data.volunteers.length ? '没有找到这个名字' : '这个岗位上还没有人'}</Notice>
      )}
      <ChoiceChips
        label='怎么填时长'
        options={[{ value: 'minutes', label: '填服务了多少分钟' }, { value: 'times', label: '填到达和离开的时间' }]}
        selected={[how]}
        onToggle={(value) => setHow(value === 'times' ? 'times' : 'minutes')}
      />
      {how === 'minutes' ? (
        <TextField name='minutes' error={errorOf('minutes')} label='服务了多少分钟' value={typed.minutes} onChange={(m) => setTyped((t) => ({ ...t, minutes: m }))} numeric maxLength={4} />
      ) : (
        <>
          <WhenField mode='time' name='from' error={errorOf('from')} label='到达时间' value={typed.from} onChange={(from) => setTyped((t) => ({ ...t, from }))} />
          <WhenField mode='time' name='to' error={errorOf('to')} label='离开时间' value={typed.to} onChange={(to) => setTyped((t) => ({ ...t, to }))} />
        </>
      )}
      <TextField label='备注（可以不写）' value={note} onChange={setNote} maxLength={100} hint='例如：上门探访，电话核实' />
      {preview ? <Notice kind={preview.credited ? 'info' : 'error'}>{`每人${preview.text}`}</Notice> : null}
      {problem ? <Notice kind='error'>{problem.field ? `还不能记入：${problem.message}（见上面标红的一项）` : problem.message}</Notice> : null}
      <BigButton onClick={() => void submit()}>{confirm.pending ? '正在记入…' : `给选中的${picked.length}位记入时长`}</BigButton>
    </>
  );
}

/** 确认时长: staff (or the leader) credit volunteers' hours where scanning makes no sense, seeing the hours first. */
export default function StaffSessionHours() {
  const { params } = useRouter();
  const { loading, error, data, retry } = useCloud('checkin', 'session', { sessionId: params.id ?? '' });
  const [round, setRound] = useState(0);
  const again = () => {
    setRound((n) => n + 1);
    retry();
  };
  return (
    <StaffPage loadError={error} title='确认时长' intro='选老同志，填服务时间，下面会先算出按规则记多少小时，再点记入。'>
      <StatusView loading={loading} error={error} onRetry={retry}>
        {data ? <Confirm key={round} data={data} onDone={again} /> : null}
      </StatusView>
    </StaffPage>
  );
}
