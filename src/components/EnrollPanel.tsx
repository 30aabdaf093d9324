import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { friendlyClock } from '../services/enrollFormat';
import { askForIntent } from '../services/notifyPermission';
import { knownBureau } from '../services/viewer';
import { useAction } from '../services/useAction';
import type { MyStatus, SignUpRequest, TapAnswer } from '../shared/contracts-enrollment';
import { SIGN_UP_HOW_TOLD } from '../shared/messages';
import { cancelConfirmWords, doneText, holdsPlace, signUpNotifyIntent, type SignUpIntent } from '../shared/enroll-intent';
import { BigButton } from './BigButton';
import { Notice } from './Notice';
import { TapButton } from './TapButton';
import { TwoStepButton } from './TwoStepButton';

interface EnrollPanelProps {
  me: MyStatus;
  request: SignUpRequest;
  /** the next step in the screen's own words (with when and where); defaults to me.next */
  next?: string;
  /** what the sign-up does and its words, when the screen knows better (a team's post: postIntent) */
  signUpIntent?: SignUpIntent;
  signUpText?: string;
  /** hide the status block (a post's own button under a team that shows the status once) */
  compact?: boolean;
  /** after a sign-up or cancel succeeded: the screen takes the answer's status and places (no second call) */
  onChanged: (answer: TapAnswer) => void;
}

/** A sign-up screen's one action: the member's status and next step, one big button, and a careful cancel. */
export function EnrollPanel({ me: loaded, request, next, signUpIntent, signUpText, compact = false, onChanged }: EnrollPanelProps) {
  const [me, setMe] = useState(loaded);
  const [done, setDone] = useState<string | null>(null);
  const signUp = useAction('enrollment', 'signUp');
  const cancel = useAction('enrollment', 'cancel');
  useEffect(() => setMe(loaded), [loaded]);

  const apply = (answer: TapAnswer) => {
    setMe(answer.me);
    setDone(doneText(request.kind, answer.me.state, answer.me.waitlistPosition, answer.me.label));
    onChanged(answer);
  };
  const onSignUp = async () => {
    if (signUp.pending) return;
    cancel.clearError();
    await askForIntent(signUpNotifyIntent(signUpIntent ?? me.signUpIntent, knownBureau()?.templates));
    const result = await signUp.run(request);
    if (result?.ok) apply(result.data);
  };
  const onCancel = async () => {
    if (!me.enrollmentId) return;
    signUp.clearError();
    const result = await cancel.run({ enrollmentId: me.enrollmentId });
    if (result?.ok) apply(result.data);
  };

  const held = holdsPlace(me.state);
  const error = signUp.error ?? cancel.error;
  const words = cancelConfirmWords(me.cancelIntent);
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
        <>
          <BigButton onClick={() => void onSignUp()}>{signUp.pending ? '正在报名…' : (signUpText ?? me.signUpText)}</BigButton>
          {!compact ? <Text className='enroll-panel__told'>{SIGN_UP_HOW_TOLD}</Text> : null}
        </>
      ) : !held && me.blockedReason ? (
        <TapButton className='big-button big-button--disabled' disabled>
          {friendlyClock(me.blockedReason)}
        </TapButton>
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
