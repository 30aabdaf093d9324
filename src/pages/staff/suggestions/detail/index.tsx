import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Image } from '../../../../components/taroHeavy';
import { BigButton } from '../../../../components/BigButton';
import { ChoiceChips, optionsOf } from '../../../../components/ChoiceChips';
import { Facts } from '../../../../components/Facts';
import { Notice } from '../../../../components/Notice';
import { Section } from '../../../../components/Section';
import { staffScreen, type ScreenParams } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { TextArea } from '../../../../components/TextArea';
import { formatDate, formatDateTime } from '../../../../services/format';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import type { StaffSuggestionDetail } from '../../../../shared/contracts-suggestion';
import { SUGGESTION_OUTCOME_LABELS, type SuggestionOutcome } from '../../../../shared/suggestion-rules';
import '../../staff.scss';

const REPLY_MAX = 1000;
const OUTCOMES = (Object.keys(SUGGESTION_OUTCOME_LABELS) as SuggestionOutcome[]).map((value) => ({
  value,
  label: value === 'adopted' ? '采纳' : '未采纳',
}));

function Timeline({ detail }: { detail: StaffSuggestionDetail }) {
  return (
    <Section title='办理经过' emptyText='' count={detail.timeline.length}>
      {detail.timeline.map((entry, index) => (
        <View key={`${index}-${entry.at}`} className='staff-timeline__item'>
          <Text className='staff-timeline__step'>{`${entry.stepLabel} · ${entry.statusLabel}`}</Text>
          <Text className='staff-timeline__line'>{`${formatDateTime(entry.at)} ${entry.byName}`}</Text>
          {entry.note ? <Text className='staff-timeline__line'>{entry.note}</Text> : null}
        </View>
      ))}
    </Section>
  );
}

/** 受理, 交办, 答复 and 办结 as the suggestion's status allows; each answers the refreshed suggestion. */
function Steps({ detail, onChanged }: { detail: StaffSuggestionDetail; onChanged: (next: StaffSuggestionDetail, done: string) => void }) {
  const accept = useAction('suggestion', 'accept');
  const assign = useAction('suggestion', 'assign');
  const reply = useAction('suggestion', 'reply');
  const conclude = useAction('suggestion', 'conclude');
  const [department, setDepartment] = useState(detail.department ?? '');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<SuggestionOutcome | ''>('');
  const [missing, setMissing] = useState<string | null>(null);
  const allowed = new Set(detail.allowedSteps);
  const error = accept.error ?? assign.error ?? reply.error ?? conclude.error;

  const after = (result: Awaited<ReturnType<typeof accept.run>>, done: string) => {
    if (result?.ok) {
      setText('');
      setMissing(null);
      onChanged(result.data, done);
    }
  };
  const need = (what: string | null) => {
    setMissing(what);
    return what === null;
  };

  return (
    <>
      {error ? <Notice kind='error'>{error.message}</Notice> : null}
      {missing ? <Notice kind='error'>{missing}</Notice> : null}
      {allowed.has('accept') ? (
        <BigButton onClick={async () => after(await accept.run({ suggestionId: detail.id }), '已受理，老同志会收到通知')}>{accept.pending ? '正在处理…' : '受理'}</BigButton>
      ) : null}
      {allowed.has('assign') ? (
        <Section title='交办' emptyText='' count={1}>
          <ChoiceChips label='交给哪个部门办理' options={optionsOf(detail.departments)} selected={[department]} onToggle={setDepartment} />
          <BigButton
            kind='secondary'
            onClick={async () => need(department ? null : '请选择交办的部门') && after(await assign.run({ suggestionId: detail.id, department }), `已交办给${department}`)}
          >
            {assign.pending ? '正在处理…' : '交办'}
          </BigButton>
        </Section>
      ) : null}
      {allowed.has('reply') || allowed.has('conclude') ? (
        <Section title='答复老同志' emptyText='' count={1}>
          <TextArea label='答复内容（老同志会看到）' value={text} onChange={setText} maxLength={REPLY_MAX} />
          {allowed.has('conclude') ? <ChoiceChips label='办理结果（办结时选）' options={OUTCOMES} selected={[outcome]} onToggle={(value) => setOutcome(value as SuggestionOutcome)} /> : null}
          {allowed.has('conclude') ? (
            <BigButton
              onClick={async () =>
                need(!text.trim() ? '请填写答复内容' : !outcome ? '请选择采纳或未采纳' : null) &&
                outcome &&
                after(await conclude.run({ suggestionId: detail.id, outcome, reply: text.trim() }), `已办结（${SUGGESTION_OUTCOME_LABELS[outcome]}），答复已发给老同志`)
              }
            >
              {conclude.pending ? '正在处理…' : '办结并答复'}
            </BigButton>
          ) : null}
          {allowed.has('reply') ? (
            <BigButton
              kind='secondary'
              onClick={async () => need(text.trim() ? null : '请填写答复内容') && after(await reply.run({ suggestionId: detail.id, reply: text.trim() }), '答复已发给老同志，建议还在办理中')}
            >
              {reply.pending ? '正在处理…' : '只答复，继续办理'}
            </BigButton>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}

function Detail({ params }: ScreenParams) {
  const suggestionId = params.suggestionId ?? '';
  const { loading, error, data, retry } = useCloud('suggestion', 'staffDetail', { suggestionId });
  const [detail, setDetail] = useState<StaffSuggestionDetail | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setDetail(data), [data]);
  const d = detail ?? data;
  const status = d ? (d.outcomeLabel ? `${d.statusLabel}（${d.outcomeLabel}）` : d.statusLabel) : '';
  return (
    <StatusView loading={loading && !d} error={error} onRetry={retry}>
      {d ? (
        <>
          {d.overdue ? <Notice kind='error'>{`已超过受理期限（${formatDate(d.acceptDeadline)}），请尽快受理`}</Notice> : null}
          {done ? <Notice kind='done'>{done}</Notice> : null}
          <Facts
            items={[
              ['编号', d.trackingNo],
              ['类别', d.category],
              ['状态', status],
              ['提交人', d.viaHelper ? `${d.authorName}（家人代提）` : d.authorName],
              ['电话', d.author?.phone],
              ['住址', d.author ? [d.author.town, d.author.community].filter(Boolean).join(' ') : null],
              ['提交时间', `${formatDateTime(d.submittedAt)}（${d.ageDays}天前）`],
              ['交办部门', d.department],
            ]}
          />
          <Text className='staff-text'>{d.text}</Text>
          {d.photos
            .filter((photo) => photo.url)
            .map((photo, index) => (
              <Image key={photo.fileId} className='staff-photo' src={photo.url} mode='widthFix' ariaLabel={`老同志附的第${index + 1}张照片`} nativeProps={{ alt: `老同志附的第${index + 1}张照片` }} />
            ))}
          {d.reply ? <Notice>{`最新答复：${d.reply}`}</Notice> : null}
          <Steps
            key={`${d.status}-${d.timeline.length}`}
            detail={d}
            onChanged={(next, text) => {
              setDetail(next);
              setDone(text);
            }}
          />
          <Timeline detail={d} />
        </>
      ) : null}
    </StatusView>
  );
}

/** One suggestion for a handler: the text, who (unless hidden), the timeline, and the next steps. */
export default staffScreen({ title: '办理建议' }, Detail);
