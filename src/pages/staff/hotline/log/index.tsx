import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ChoiceChips, type Choice } from '../../../../components/ChoiceChips';
import { SaveButton } from '../../../../components/form/SaveButton';
import { Notice } from '../../../../components/Notice';
import { staffScreen, type ScreenParams } from '../../../../components/StaffPage';
import { TextArea } from '../../../../components/TextArea';
import { TextField } from '../../../../components/TextField';
import { openPage } from '../../../../services/routes';
import { fieldProblem, type FormProblem, useSave } from '../../../../services/useSave';
import type { CallRow } from '../../../../shared/contracts-hotline';
import type { RequestInput } from '../../../../shared/schemas';
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES, CALL_TOPIC_LABELS, CALL_TOPICS, CALLER_PHONE_PATTERN, type CallOutcome, type CallTopic } from '../../../../shared/hotline-calls';
import { MemberSearch, type ChosenMember } from '../../member-search';
import '../../staff.scss';

type CallerKind = 'member' | 'unknown';
const CALLER_KINDS: ReadonlyArray<Choice<CallerKind>> = [
  { value: 'member', label: '花名册上的老同志' },
  { value: 'unknown', label: '不在花名册上（记下号码）' },
];
const TOPICS = CALL_TOPICS.map((value) => ({ value, label: CALL_TOPIC_LABELS[value] }));
const OUTCOMES = CALL_OUTCOMES.map((value) => ({ value, label: CALL_OUTCOME_LABELS[value] }));
const FOLLOW_UP: ReadonlyArray<Choice<'yes' | 'no'>> = [
  { value: 'yes', label: '要回访' },
  { value: 'no', label: '不用回访' },
];

/** Nothing is chosen for the person: a wrong default (topic, outcome, follow-up) would go unnoticed. */
interface Draft {
  callerKind: CallerKind | '';
  member: ChosenMember | null;
  callerPhone: string;
  callerName: string;
  topic: CallTopic | '';
  text: string;
  outcome: CallOutcome | '';
  followUp: 'yes' | 'no' | '';
}

function requestOf(d: Draft): RequestInput<'hotline', 'logCall'> | FormProblem {
  if (!d.callerKind) return fieldProblem('caller', '来电人：请选是不是花名册上的老同志');
  if (d.callerKind === 'member' && !d.member) return fieldProblem('caller', '来电人：请先查找并选好是哪位老同志');
  const phone = d.callerPhone.trim();
  if (d.callerKind === 'unknown' && !CALLER_PHONE_PATTERN.test(phone)) return fieldProblem('callerPhone', '来电号码：请只写数字，例如 13812345678');
  if (!d.topic) return fieldProblem('topic', '来电事由：请选一项');
  if (!d.text.trim()) return fieldProblem('text', '来电内容：请写几句老同志说的事');
  if (!d.outcome) return fieldProblem('outcome', '答复情况：请选一项');
  if (!d.followUp) return fieldProblem('followUp', '要不要回访：请选一项');
  const caller = d.callerKind === 'member' && d.member ? { memberId: d.member.id } : { callerPhone: phone, callerName: d.callerName.trim() };
  return { ...caller, topic: d.topic, text: d.text.trim(), outcome: d.outcome, followUp: d.followUp === 'yes' };
}

function Saved({ call, onAnother }: { call: CallRow; onAnother: () => void }) {
  return (
    <>
      <Notice kind='done'>{call.followUp === 'open' ? `已记下${call.callerName || '这次来电'}的来电，回访办完后在“服务热线 → 待回访”里写上回访情况。` : `已记下${call.callerName || '这次来电'}的来电。`}</Notice>
      <BigButton onClick={onAnother}>再记一次来电</BigButton>
      {call.memberId ? (
        <BigButton kind='secondary' onClick={() => openPage('staffMemberRecord', { memberId: call.memberId ?? '' })}>
          {`看${call.callerName}的档案`}
        </BigButton>
      ) : null}
      <BigButton kind='secondary' onClick={() => openPage('staffHotline')}>
        回到服务热线
      </BigButton>
    </>
  );
}

function CallForm({ given, onAnother }: { given: ChosenMember | null; onAnother: () => void }) {
  const [draft, setDraft] = useState<Draft>({
    callerKind: given ? 'member' : '',
    member: given,
    callerPhone: '',
    callerName: '',
    topic: '',
    text: '',
    outcome: '',
    followUp: '',
  });
  const { save, problem, saved, submit, errorOf } = useSave('hotline', 'logCall');
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  if (saved) return <Saved call={saved} onAnother={onAnother} />;
  return (
    <>
      <ChoiceChips name='caller' error={errorOf('caller')} label='来电人' options={CALLER_KINDS} selected={draft.callerKind ? [draft.callerKind] : []} onToggle={(callerKind) => set({ callerKind })} />
      {draft.callerKind === 'member' && draft.member ? (
        <Card title={`来电人：${draft.member.name}`}>
          <BigButton kind='secondary' onClick={() => set({ member: null })}>
            换一位老同志
          </BigButton>
        </Card>
      ) : null}
      {draft.callerKind === 'member' && !draft.member ? <MemberSearch title='找到打电话的老同志' chooseLabel={(name) => `是${name}打来的`} onChoose={(member) => set({ member })} /> : null}
      {draft.callerKind === 'unknown' ? (
        <>
          <TextField name='callerPhone' error={errorOf('callerPhone')} label='来电号码' value={draft.callerPhone} onChange={(callerPhone) => set({ callerPhone })} maxLength={20} hint='回电要用，例如 13812345678' />
          <TextField label='来电人称呼（可以不写）' value={draft.callerName} onChange={(callerName) => set({ callerName })} maxLength={20} hint='例如：李阿姨、王老的女儿' />
        </>
      ) : null}
      <ChoiceChips name='topic' error={errorOf('topic')} label='来电事由' options={TOPICS} selected={draft.topic ? [draft.topic] : []} onToggle={(topic) => set({ topic })} />
      <TextArea name='text' error={errorOf('text')} label='来电内容' value={draft.text} onChange={(text) => set({ text })} maxLength={1000} />
      <ChoiceChips name='outcome' error={errorOf('outcome')} label='答复情况' options={OUTCOMES} selected={draft.outcome ? [draft.outcome] : []} onToggle={(outcome) => set({ outcome })} />
      <ChoiceChips name='followUp' error={errorOf('followUp')} label='要不要回访' options={FOLLOW_UP} selected={draft.followUp ? [draft.followUp] : []} onToggle={(followUp) => set({ followUp })} />
      <SaveButton label='保存来电记录' onClick={() => void submit(requestOf(draft))} pending={save.pending} problem={problem} error={save.error} />
    </>
  );
}

/** 记录来电: who called (found on the roster, or an unknown number), about what, the answer, whether to follow up. */
function Log({ params }: ScreenParams) {
  const given = params.memberId ? { id: params.memberId, name: decodeURIComponent(params.name ?? '') } : null;
  const [round, setRound] = useState(0);
  return <CallForm key={round} given={given} onAnother={() => setRound((n) => n + 1)} />;
}

export default staffScreen({ askWho: true, title: '记录来电', intro: '接完电话就记，写好后点“保存来电记录”。' }, Log);
