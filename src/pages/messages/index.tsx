import { useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { StatusView } from '../../components/StatusView';
import { formatDateTime } from '../../services/format';
import { goTo } from '../../services/routes';
import { useCloud } from '../../services/useCloud';
import { useRefreshOnShow } from '../../services/useRefreshOnShow';

/**
 * 消息: every message the bureau sent the member (reminders, sign-up results, suggestion progress), newest
 * first, whether or not WeChat delivered it. Opening the page marks them read; the new ones say 新消息.
 */
export default function Messages() {
  const [before, setBefore] = useState<string | undefined>(undefined);
  const { loading, error, data, retry } = useCloud('messages', 'inbox', before ? { before } : {});
  useRefreshOnShow(retry);
  return (
    <Page>
      <PageTitle title='消息' intro='活动提醒、报名结果、建议进展都在这里。微信没有提醒到的，这里也有。' />
      <StatusView loading={loading && !data} error={error} onRetry={retry} empty={data?.items.length === 0} emptyText={before ? '没有更早的消息了' : '还没有消息'}>
        {data?.items.map((item) => (
          <Card key={item.id} title={item.title} lines={[...item.body.split('\n'), `${formatDateTime(item.at)}发出`]} badge={item.read ? undefined : '新消息'} />
        ))}
      </StatusView>
      {data?.before ? (
        <BigButton kind='secondary' onClick={() => setBefore(data.before ?? undefined)}>
          看更早的消息
        </BigButton>
      ) : null}
      {before ? (
        <BigButton kind='secondary' onClick={() => setBefore(undefined)}>
          回到最新的消息
        </BigButton>
      ) : null}
      <BigButton kind='secondary' onClick={() => goTo('home')}>
        回到首页
      </BigButton>
    </Page>
  );
}
