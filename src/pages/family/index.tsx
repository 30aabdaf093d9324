import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Image } from '../../components/taroHeavy';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { Section } from '../../components/Section';
import { StatusView } from '../../components/StatusView';
import { TwoStepButton } from '../../components/TwoStepButton';
import { formatDate, formatDateTime, formatValidUntil } from '../../services/format';
import { useAction } from '../../services/useAction';
import { useCloud } from '../../services/useCloud';
import type { HelperSummary, InvitationData } from '../../shared/contracts-member';
import './index.scss';

function Invitation({ invitation }: { invitation: InvitationData }) {
  return (
    <View className='invitation'>
      <Text className='invitation__label'>邀请码</Text>
      <Text className='invitation__code' aria-label={`邀请码 ${invitation.code.split('').join(' ')}`}>
        {invitation.code}
      </Text>
      {invitation.qrPngBase64 ? (
        <Image
          className='invitation__qr'
          src={`data:image/png;base64,${invitation.qrPngBase64}`}
          mode='widthFix'
          ariaLabel='邀请家人代办的小程序码'
          nativeProps={{ alt: '邀请家人代办的小程序码' }}
        />
      ) : null}
      <Text className='invitation__line'>{formatValidUntil(invitation.expiresAt)}，只能用一次。</Text>
      <Text className='invitation__line'>请家人用微信扫码，或在“接受邀请”页输入邀请码。</Text>
    </View>
  );
}

function Helper({ helper, onRevoke, pending }: { helper: HelperSummary; onRevoke: () => void; pending: boolean }) {
  const who = helper.relation ? `${helper.name}（${helper.relation}）` : helper.name;
  return (
    <Card
      title={who}
      lines={[`${formatDate(helper.since)}开始代办`, helper.revokedAt ? `${formatDate(helper.revokedAt)}已取消代办` : null]}
    >
      {helper.revokedAt ? null : (
        <TwoStepButton
          label={`取消${helper.name}的代办`}
          question={`确定取消${helper.name}的代办吗？取消后${helper.name}就不能再替您办事了。`}
          confirmLabel='确定取消'
          keepLabel='不取消'
          pending={pending}
          onConfirm={onRevoke}
        />
      )}
    </Card>
  );
}

/** 家人代办: invite a relative (code + QR), see and revoke helpers, and read what they did. */
export default function Family() {
  const { loading, error, data, retry } = useCloud('member', 'helpers', {});
  const create = useAction('member', 'createInvitation');
  const revoke = useAction('member', 'revokeHelper');
  const [invitation, setInvitation] = useState<InvitationData | null>(null);

  const invite = async () => {
    const result = await create.run({});
    if (result?.ok) setInvitation(result.data);
  };
  const revokeHelper = async (helperAccountId: string) => {
    const result = await revoke.run({ helperAccountId });
    if (result?.ok) retry();
  };

  return (
    <Page>
      <PageTitle title='家人代办' intro='家人可以用他们自己的微信替您报名、取消报名、看通知和提建议。他们做的每件事都会记在下面。' />
      {invitation ? (
        <Invitation invitation={invitation} />
      ) : (
        <>
          {create.error ? <Notice kind='error'>{create.error.message}</Notice> : null}
          <BigButton onClick={() => void invite()}>{create.pending ? '正在生成…' : '邀请家人代办'}</BigButton>
        </>
      )}
      <StatusView loading={loading} error={error} onRetry={retry}>
        {data ? (
          <>
            <Section title='代办的家人' emptyText='还没有家人为您代办' count={data.helpers.length}>
              {revoke.error ? <Notice kind='error'>{revoke.error.message}</Notice> : null}
              {data.helpers.map((helper) => (
                <Helper key={helper.accountId} helper={helper} pending={revoke.pending} onRevoke={() => void revokeHelper(helper.accountId)} />
              ))}
            </Section>
            <Section title='代办记录' emptyText='家人还没有替您办过事' count={data.log.length}>
              {data.log.map((entry, index) => (
                <Card key={`${index}-${entry.at}`} title={entry.detail} lines={[`${entry.actorName} · ${formatDateTime(entry.at)}`]} />
              ))}
            </Section>
          </>
        ) : null}
      </StatusView>
    </Page>
  );
}
