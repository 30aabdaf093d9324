import { ActivityCard } from '../../components/ActivityCard';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { StatusView } from '../../components/StatusView';
import { useCloud } from '../../services/useCloud';

export default function Activities() {
  const { loading, error, data, retry } = useCloud('catalog', 'activities', {});
  return (
    <Page>
      <StatusView loading={loading} error={error} onRetry={retry}>
        {data ? (
          <Section title='近期活动' emptyText='近期没有安排活动，请过几天再来看看' count={data.activities.length}>
            {data.activities.map((activity) => (
              <ActivityCard key={activity.id} activity={activity} />
            ))}
          </Section>
        ) : null}
      </StatusView>
    </Page>
  );
}
