import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { BigButton } from '../../components/BigButton';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { StatusView } from '../../components/StatusView';
import { formatDate } from '../../services/format';
import { useAction } from '../../services/useAction';
import { useCloud } from '../../services/useCloud';
import './index.scss';

const EXPLANATION = [
  '注销以后，您的姓名、电话、住址、特长和紧急联系人等个人信息会被删除，这个微信也不能再用本小程序办事。',
  '您参加过的活动、服务时长等只作为统计数字保留，不再和您的名字联系在一起。',
  '申请提交后，由老干部局工作人员确认办理。如果改变主意，请在确认前联系老干部局。',
];

/** 注销账号: a plain explanation and one button; staff confirm the request later. */
export default function Deletion() {
  const { loading, error, data, retry } = useCloud('member', 'profile', {});
  const send = useAction('member', 'requestDeletion');
  const [requestedAt, setRequestedAt] = useState<string | null>(null);
  const pendingSince = requestedAt ?? data?.deletion?.requestedAt ?? null;

  const submit = async () => {
    const result = await send.run({});
    if (result?.ok) setRequestedAt(result.data.requestedAt);
  };

  return (
    <Page>
      <StatusView loading={loading} error={error} onRetry={retry}>
        {data ? (
          <>
            <PageTitle title='注销账号' />
            <View className='profile__group'>
              {EXPLANATION.map((line) => (
                <Text key={line} className='profile__note'>
                  {line}
                </Text>
              ))}
            </View>
            {pendingSince ? (
              <Notice kind='done'>{`已提交，等待工作人员确认（${formatDate(pendingSince)}提交）。`}</Notice>
            ) : (
              <>
                {send.error ? <Notice kind='error'>{send.error.message}</Notice> : null}
                <BigButton onClick={() => void submit()}>{send.pending ? '正在提交…' : '申请注销我的账号'}</BigButton>
              </>
            )}
          </>
        ) : null}
      </StatusView>
    </Page>
  );
}
