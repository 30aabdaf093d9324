import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Notice } from '../../../../components/Notice';
import { StaffPage } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { TextArea } from '../../../../components/TextArea';
import { TextField } from '../../../../components/TextField';
import { TwoStepButton } from '../../../../components/TwoStepButton';
import { openPage } from '../../../../services/routes';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import { fieldProblem, useProblem } from '../../../../services/useSave';
import type { CorrectData, LedgerEntryView, SessionDetailData } from '../../../../shared/contracts-checkin';
import { wholeOf } from '../../form-values';
import { correctionPreview, entryLine, whenText } from '../session-values';
import '../../staff.scss';

function Correct({ data, entry, name }: { data: SessionDetailData; entry: LedgerEntryView; name: string }) {
  const s = data.session;
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const { problem, show, errorOf } = useProblem();
  const [done, setDone] = useState<CorrectData | null>(null);
  const correct = useAction('checkin', 'correct');
  const minutes = typed.trim() ? wholeOf(typed, 0, 24 * 60) : null;
  const preview = minutes !== null ? correctionPreview(minutes, s, data.rules) : null;
  const back = (
    <BigButton kind='secondary' onClick={() => openPage('staffSession', { id: s.id })}>
      回到这个时段
    </BigButton>
  );
  if (done) {
    return (
      <>
        <Notice kind='done'>{`已更正：${name}的${entry.hoursText.replace('+', '')}已撤销${done.correction ? `，改记${done.correction.hoursText.replace('+', '')}` : ''}。${name}在“我的志愿时长”能看到这次更正和原因。`}</Notice>
        {back}
      </>
    );
  }
  if (entry.reversed) {
    return (
      <>
        <Notice>这笔时长已经更正过了。要再改，请更正更正后的那一笔。</Notice>
        {back}
      </>
    );
  }
  const question = `确定撤销${name}的这笔${entry.hoursText.replace('+', '')}吗？${preview?.credited ? `${preview.text}。` : ''}${name}会看到更正原因。`;
  /** What is missing or wrong, shown by its field before the question is asked; true when the form is fit to send. */
  const ready = (): boolean => {
    const missing = !reason.trim()
      ? fieldProblem('reason', '更正原因：请写上为什么更正，老同志会看到')
      : typed.trim() && minutes === null
        ? fieldProblem('minutes', '在岗分钟数：请填0到1440之间的整数，不改就不填')
        : null;
    show(missing);
    return missing === null;
  };
  const submit = async () => {
    if (!ready()) return;
    const answer = await correct.run({ entryId: entry.id, reason: reason.trim(), ...(minutes !== null ? { minutes } : {}) });
    if (answer?.ok) setDone(answer.data);
  };
  return (
    <>
      <Card title={`${name}：${entry.hoursText}`} lines={[`${s.teamName}·${s.title}`, whenText(s), entryLine(entry), entry.note ? `备注：${entry.note}` : null]} />
      <TextArea name='reason' error={errorOf('reason')} label='更正原因（老同志会看到，请用大白话）' value={reason} onChange={setReason} maxLength={200} hint='例如：那天提前一小时离开，按实际时间重记' />
      <TextField name='minutes' error={errorOf('minutes')} label='改成在岗多少分钟（不填就是整笔撤销）' value={typed} onChange={setTyped} numeric maxLength={4} />
      {preview ? <Notice>{preview.text}</Notice> : <Notice>不填分钟数：这笔时长整笔撤销，不再记入。</Notice>}
      {problem ? <Notice kind='error'>{`还不能更正：${problem.message}（见上面标红的一项）`}</Notice> : null}
      {correct.error ? <Notice kind='error'>{correct.error.message}</Notice> : null}
      <TwoStepButton label='更正这笔时长' question={question} confirmLabel='确定更正' keepLabel='先不更正' pending={correct.pending} ready={ready} onConfirm={() => void submit()} />
      {back}
    </>
  );
}

/** 更正: staff reverse a volunteer's credit with a reason the member reads (and may credit corrected minutes). */
export default function StaffEntryCorrect() {
  const { params } = useRouter();
  const { loading, error, data, retry } = useCloud('checkin', 'session', { sessionId: params.session ?? '' });
  const owner = data?.volunteers.find((v) => v.entries.some((e) => e.id === params.entry));
  const entry = owner?.entries.find((e) => e.id === params.entry && e.kind === 'credit');
  return (
    <StaffPage loadError={error} title='更正时长' intro='写清楚为什么更正。点“更正这笔时长”后还要再确定一次。'>
      <StatusView loading={loading} error={error} onRetry={retry} empty={Boolean(data) && !entry} emptyText='没有找到这笔时长'>
        {data && owner && entry ? <Correct data={data} entry={entry} name={owner.name} /> : null}
      </StatusView>
    </StaffPage>
  );
}
