import { BigButton } from '../../../../components/BigButton';
import { LinkCard } from '../../../../components/LinkCard';
import { Section } from '../../../../components/Section';
import { staffScreen } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { formatDateTime } from '../../../../services/format';
import { activityTimeline } from '../../../../services/phase';
import { openPage } from '../../../../services/routes';
import { PHASE_WORDS, phaseOf } from '../../../../shared/time-words';
import { useCloud } from '../../../../services/useCloud';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import { placesLine } from '../../form-values';
import '../../staff.scss';

function ActivityList() {
  const { loading, error, data, retry } = useCloud('staff', 'catalog', {});
  useRefreshOnShow(retry);
  const activities = data?.activities ?? [];
  const live = activities.filter((a) => a.status === 'published');
  const cancelled = activities.filter((a) => a.status === 'cancelled');
  return (
    <>
      <BigButton onClick={() => openPage('staffActivityEdit')}>发布新活动</BigButton>
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        <Section title='近期的活动' emptyText='近期没有活动' count={live.length}>
          {live.map((a) => (
            <LinkCard
              key={a.id}
              title={a.title}
              badge={PHASE_WORDS[phaseOf(new Date(), activityTimeline(a))]}
              lines={[`${formatDateTime(a.startAt)} · ${a.place}`, placesLine(a)]}
              more='修改、取消或看名单'
              onClick={() => openPage('staffActivityEdit', { id: a.id })}
            />
          ))}
        </Section>
        <Section title='已取消的活动' emptyText='没有取消的活动' count={cancelled.length}>
          {cancelled.map((a) => (
            <LinkCard
              key={a.id}
              title={`${a.title}（已取消）`}
              lines={[formatDateTime(a.startAt), a.cancelReason ? `取消原因：${a.cancelReason}` : null]}
              more='查看'
              onClick={() => openPage('staffActivityEdit', { id: a.id })}
            />
          ))}
        </Section>
      </StatusView>
    </>
  );
}

/** 活动管理: the activities of the last 30 days and ahead, with places taken; the way to publish and edit. */
export default staffScreen({ title: '活动管理', intro: '点一个活动可以修改、取消或查看名单。' }, ActivityList);
