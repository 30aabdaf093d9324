import { useEffect, useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { ConsentText } from '../../components/ConsentText';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { StatusView } from '../../components/StatusView';
import { TextField } from '../../components/TextField';
import { formatDate, formatTime } from '../../services/format';
import { adoptLargeText } from '../../services/preferences';
import { openPage, restartAtMe } from '../../services/routes';
import { useAction } from '../../services/useAction';
import { useCloud } from '../../services/useCloud';
import type { ReviewStatus } from '../../shared/contracts-member';
import { bindRequestOf, firstMissing, type Answers } from './answers';

function reviewText(review: ReviewStatus): string {
  if (review.status === 'pending') return `您${formatDate(review.submittedAt)}提交的登记申请正在等待工作人员审核。`;
  if (review.status === 'approved') return '您的登记申请已经通过，请在下面确认身份。';
  return `您的登记申请没有通过${review.rejectReason ? `：${review.rejectReason}` : ''}。如有疑问请联系老干部局。`;
}

/** First open: the consent text and the roster check on one screen; one button agrees and confirms. */
export default function Bind() {
  const { loading, error, data, retry } = useCloud('member', 'bindForm', {});
  const bind = useAction('member', 'bind');
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState<string | null>(null);
  const [locked, setLocked] = useState<string | null>(null);

  useEffect(() => {
    if (data?.account) restartAtMe();
    if (data?.lockedUntil) setLocked(`核对错误次数太多，请在${formatTime(data.lockedUntil)}以后再试。`);
  }, [data]);

  const submit = async () => {
    if (!data) return;
    const empty = firstMissing(data.fields, answers);
    setMissing(empty ? `请填写${empty.label}` : null);
    if (empty) return;
    const result = await bind.run(bindRequestOf(data.fields, answers, data.consent.version));
    if (result?.ok) {
      adoptLargeText(result.data.largeText);
      restartAtMe();
    } else if (result?.error.code === 'BIND.LOCKED') setLocked(result.error.message);
  };

  const message = missing ?? (locked ? null : bind.error?.message);
  return (
    <Page>
      <StatusView loading={loading} error={error} onRetry={retry}>
        {data && !data.account ? (
          <>
            <PageTitle title='确认身份' intro='第一次使用，请先看一下下面的说明，再填写您在老干部局登记的信息。' />
            {data.review ? <Notice>{reviewText(data.review)}</Notice> : null}
            <ConsentText consent={data.consent} />
            {data.fields.map((field) => (
              <TextField
                key={field.key}
                label={field.label}
                hint={field.hint}
                numeric={field.numeric}
                maxLength={field.maxLength}
                value={answers[field.key] ?? ''}
                onChange={(value) => setAnswers((current) => ({ ...current, [field.key]: value }))}
              />
            ))}
            {locked ? <Notice kind='error'>{locked}</Notice> : null}
            {message ? <Notice kind='error'>{message}</Notice> : null}
            {locked ? null : <BigButton onClick={() => void submit()}>{bind.pending ? '正在核对…' : '同意并确认身份'}</BigButton>}
            <BigButton kind='secondary' onClick={() => openPage('review', { name: answers.name ?? '' })}>
              名册里没有我？申请登记
            </BigButton>
            <BigButton kind='secondary' onClick={() => openPage('invite')}>
              我是老人的家人，接受代办邀请
            </BigButton>
          </>
        ) : null}
      </StatusView>
    </Page>
  );
}
