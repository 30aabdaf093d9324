import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { friendlyClock, holds } from '../services/enrollFormat';
import { askToNotify, templatesFor } from '../services/subscribe';
import { useAction } from '../services/useAction';
import type { MyStatus, SignUpRequest } from '../shared/contracts-enrollment';
import { BigButton } from './BigButton';
import { Notice } from './Notice';
import { TwoStepButton } from './TwoStepButton';

interface EnrollPanelProps {
  me: MyStatus;
  request: SignUpRequest;
  /** the next step in the screen's own words (with when and where); defaults to me.next */
  next?: string;
  /** the sign-up button's words when the screen knows better (e.g. a team's post) */
  signUpText?: string;
  /** hide the status block (a post's own button under a team that shows the status once) */
  compact?: boolean;
  /** after a sign-up or cancel succeeded: the screen reloads its facts (places left) */
  onChanged: () => void;
}

function doneText(me: MyStatus): string {
  switch (me.state) {
    case 'enrolled':
      return me.label === '已入会' ? '已加入' : '报名成功';
    case 'waitlisted':
      return `已排上候补，您是第${me.waitlistPosition ?? 1}位`;
    case 'pending':
      return '申请已提交，请等审核';
    case 'entered':
      return '已报名，报名截止后摇号';
    case 'cancelled':
      return '已取消';
    default:
      return me.label;
  }
}

/** The cancel's second step asks in the button's own words: 取消报名 → 确定取消 / 不取消, 退出协会 → 确定退出 / 不退出. */
function cancelWords(cancelText: string): { confirm: string; keep: string } {
  const verb = cancelText.startsWith('退出') ? '退出' : cancelText.startsWith('撤回') ? '撤回' : '取消';
  return { confirm: `确定${verb}`, keep: `不${verb}` };
}

/** A sign-up screen's one action: the member's status and next step, one big button, and a careful cancel. */
export function EnrollPanel({ me: loaded, request, next, signUpText, compact = false, onChanged }: EnrollPanelProps) {
  const [me, setMe] = useState(loaded);
  const [done, setDone] = useState<string | null>(null);
  const signUp = useAction('enrollment', 'signUp');
  const cancel = useAction('enrollment', 'cancel');
  useEffect(() => setMe(loaded), [loaded]);

  const apply = (answer: { me: MyStatus }) => {
    setMe(answer.me);
    setDone(doneText(answer.me));
    onChanged();
  };
  const onSignUp = async () => {
    if (signUp.pending) return;
    cancel.clearError();
    await askToNotify(templatesFor({ signUpText: signUpText ?? me.signUpText }));
    const result = await signUp.run(request);
    if (result?.ok) apply(result.data);
  };
  const onCancel = async () => {
    if (!me.enrollmentId) return;
    signUp.clearError();
    const result = await cancel.run({ enrollmentId: me.enrollmentId });
    if (result?.ok) apply(result.data);
  };

  const held = holds(me);
  const error = signUp.error ?? cancel.error;
  const words = cancelWords(me.cancelText);
  return (
    <View className='enroll-panel'>
      {!compact && me.state !== 'none' ? (
        <View className='enroll-status'>
          <Text className='enroll-status__label'>{`我的状态：${me.label}`}</Text>
          {(next ?? me.next) ? <Text className='enroll-status__next'>{next ?? me.next}</Text> : null}
        </View>
      ) : null}
      {done && !compact ? <Notice kind='done'>{done}</Notice> : null}
      {error ? <Notice kind='error'>{error.message}</Notice> : null}
      {me.canSignUp ? (
        <BigButton onClick={() => void onSignUp()}>{signUp.pending ? '正在报名…' : (signUpText ?? me.signUpText)}</BigButton>
      ) : !held && me.blockedReason ? (
        <Button className='big-button big-button--disabled' disabled aria-disabled='true'>
          {friendlyClock(me.blockedReason)}
        </Button>
      ) : null}
      {me.canCancel ? (
        <TwoStepButton
          label={me.cancelText}
          question={`确定要${me.cancelText}吗？`}
          confirmLabel={words.confirm}
          keepLabel={words.keep}
          pending={cancel.pending}
          onConfirm={() => void onCancel()}
        />
      ) : null}
      {held && me.blockedReason ? <Notice>{friendlyClock(me.blockedReason)}</Notice> : null}
    </View>
  );
}
