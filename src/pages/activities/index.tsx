import { useState } from 'react';
import { ActivityCard } from '../../components/ActivityCard';
import { NearbySort } from '../../components/NearbySort';
import type { NearFrom } from '../../shared/distance';
import { BigButton } from '../../components/BigButton';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { StatusView } from '../../components/StatusView';
import { openPage } from '../../services/routes';
import { useCloud } from '../../services/useCloud';
import { useRefreshOnShow } from '../../services/useRefreshOnShow';

export default function Activities() {
  const [near, setNear] = useState<NearFrom | null>(null);
  // only the usual order is kept on the device: a list sorted from where the member is would keep their position
  const { loading, error, data, refreshing, retry } = useCloud('catalog', 'activities', near ? { near } : {}, { keep: near === null });
  useRefreshOnShow(retry);
  return (
    <Page tab='activities'>
      <StatusView loading={loading && !data} error={error} onRetry={retry} refreshing={refreshing}>
        {data ? (
          <>
            <NearbySort near={data.near} onChange={setNear} usualOrder='按时间排列' />
            <Section title='近期活动' emptyText='近期没有安排活动，请过几天再来看看' count={data.activities.length}>
              {data.activities.map((activity) => (
                <ActivityCard key={activity.id} activity={activity} onClick={() => openPage('activity', { id: activity.id })} />
              ))}
            </Section>
            <BigButton kind='secondary' onClick={() => openPage('mine')}>
              我的报名
            </BigButton>
          </>
        ) : null}
      </StatusView>
    </Page>
  );
}
