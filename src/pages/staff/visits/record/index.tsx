import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { Notice } from '../../../../components/Notice';
import { StaffPage } from '../../../../components/StaffPage';
import { TextArea } from '../../../../components/TextArea';
import { TextField } from '../../../../components/TextField';
import { WhenField } from '../../../../components/form/WhenField';
import { openPage } from '../../../../services/routes';
import { useAction } from '../../../../services/useAction';
import { useViewer } from '../../../../services/viewer';
import type { VisitRow } from '../../../../shared/contracts-staff';
import { VISIT_REASON_LABELS, VISIT_REASONS, type VisitReason } from '../../../../shared/visit-rules';
import { dayFromToday, isDay } from '../../form-values';
import { MemberSearch, type ChosenMember } from '../../member-search';
import '../../staff.scss';

type Chosen = ChosenMember;

const REASONS = VISIT_REASONS.map((value) => ({ value, label: VISIT_REASON_LABELS[value] }));
const QUICK_DAYS = [
  { value: '0', label: '今天' },
  { value: '-1', label: '昨天' },
  { value: '-2', label: '前天' },
];

function HospitalMark({ member }: { member: Chosen }) {
  const mark = useAction('staff', 'setHospital');
  const [done, setDone] = useState(false);
  const run = async () => {
    const answer = await mark.run({ memberId: member.id, inHospital: true });
    if (answer?.ok) setDone(true);
  };
  if (done) return <Notice kind='done'>{`已登记${member.name}正在住院。7天内没有住院走访的，会列在“住院待走访”里。`}</Notice>;
  return (
    <>
      {mark.error ? <Notice kind='error'>{mark.error.message}</Notice> : null}
      <BigButton kind='secondary' onClick={() => void run()}>
        {mark.pending ? '正在保存…' : `登记${member.name}正在住院`}
      </BigButton>
    </>
  );
}

function VisitForm({ member, initialReason, onChange }: { member: Chosen; initialReason: VisitReason | null; onChange: (() => void) | null }) {
  const viewer = useViewer();
  const [reason, setReason] = useState<VisitReason | null>(initialReason);
  const [day, setDay] = useState(dayFromToday(0));
  const [visitors, setVisitors] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<VisitRow | null>(null);
  const record = useAction('staff', 'recordVisit');
  const who = visitors ?? viewer?.name ?? '';

  if (saved) {
    return (
      <>
        <Notice kind='done'>{`已记录：${saved.visitedOn} ${saved.reasonLabel}走访${saved.memberName}`}</Notice>
        <BigButton onClick={() => openPage('staffVisits')}>回到走访慰问</BigButton>
      </>
    );
  }
  const submit = async () => {
    const missing = !reason ? '请选择走访原因' : !isDay(day.trim()) ? '请选择走访日期' : !who.trim() ? '请填写走访人' : null;
    setProblem(missing);
    if (missing || !reason) return;
    const answer = await record.run({ memberId: member.id, reason, visitedOn: day.trim(), visitors: who.trim(), notes: notes.trim() });
    if (answer?.ok) setSaved(answer.data);
  };
  return (
    <>
      <Card title={`走访对象：${member.name}`}>
        {onChange ? (
          <BigButton kind='secondary' onClick={onChange}>
            换一位老同志
          </BigButton>
        ) : null}
      </Card>
      <ChoiceChips label='走访原因' options={REASONS} selected={reason ? [reason] : []} onToggle={(value) => setReason(value as VisitReason)} />
      <ChoiceChips label='哪天走访的' options={QUICK_DAYS} selected={QUICK_DAYS.filter((d) => dayFromToday(Number(d.value)) === day).map((d) => d.value)} onToggle={(value) => setDay(dayFromToday(Number(value)))} />
      <WhenField mode='date' label='走访日期' value={day} onChange={setDay} />
      <TextField label='走访人' value={who} onChange={setVisitors} maxLength={60} hint='几个人一起去的都写上，如 局领导李明、干事刘芳' />
      <TextArea label='情况记录（可以不写）' value={notes} onChange={setNotes} maxLength={1000} />
      {problem ? <Notice kind='error'>{problem}</Notice> : null}
      {record.error && !problem ? <Notice kind='error'>{record.error.message}</Notice> : null}
      <BigButton onClick={() => void submit()}>{record.pending ? '正在保存…' : '保存走访记录'}</BigButton>
      <HospitalMark member={member} />
    </>
  );
}

/** 记录走访: who (found on the roster, or given by the due list), why, when, by whom, notes; and marking 住院. */
export default function StaffVisit() {
  const { params } = useRouter();
  const given = params.memberId ? { id: params.memberId, name: decodeURIComponent(params.name ?? '') } : null;
  const reason = VISIT_REASONS.find((r) => r === params.reason) ?? null;
  const [member, setMember] = useState<Chosen | null>(given);
  return (
    <StaffPage askWho title='记录走访' intro='走访回来就记，待走访名单会自动更新。'>
      {member ? (
        <VisitForm key={member.id} member={member} initialReason={reason} onChange={given ? null : () => setMember(null)} />
      ) : (
        <MemberSearch title='第一步：找到走访的老同志' chooseLabel={(name) => `走访的是${name}`} onChoose={setMember} />
      )}
    </StaffPage>
  );
}
