import { LinkCard } from '../../components/LinkCard';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { Section } from '../../components/Section';
import { StatusView } from '../../components/StatusView';
import { friendlyClock } from '../../services/enrollFormat';
import { formatDateTime, formatTime } from '../../services/format';
import { openPage } from '../../services/routes';
import { useCloud } from '../../services/useCloud';
import type { CheckinTargetView, WindowPhase } from '../../shared/contracts-checkin';

const GROUPS: { phase: WindowPhase; title: string; emptyText: string }[] = [
  { phase: 'open', title: '现在可以签到', emptyText: '现在没有正在签到的活动' },
  { phase: 'notYet', title: '还没开始', emptyText: '近期没有安排活动' },
  { phase: 'closed', title: '今天已结束', emptyText: '' },
];

function TargetCard({ target }: { target: CheckinTargetView }) {
  return (
    <LinkCard
      title={target.title}
      badge={target.kind === 'session' ? '志愿服务' : target.kind === 'meeting' ? '支部会议' : undefined}
      lines={[`时间：${formatDateTime(target.startAt)} 到 ${formatTime(target.endAt)}`, `地点：${target.place}`, friendlyClock(target.window.text)]}
      more='打开签到码'
      onClick={() => openPage('checkinBoard', { kind: target.kind, id: target.id })}
    />
  );
}

/**
 * 签到码 for staff and leaders: today's activities and volunteer sessions (ones under way first) and upcoming ones
 * — a leader sees only what they lead. Pick one, and its code opens full screen to show at the door.
 */
export default function CheckinTargets() {
  const { loading, error, data, retry } = useCloud('checkin', 'targets', {});
  return (
    <Page>
      <PageTitle title='签到码' intro='选一个活动，打开它的签到码，放在门口给老同志扫。没带手机的，可以在名单里代签到。' />
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {data
          ? GROUPS.map(({ phase, title, emptyText }) => {
              const targets = data.targets.filter((target) => target.window.phase === phase);
              if (phase === 'closed' && targets.length === 0) return null;
              return (
                <Section key={phase} title={title} emptyText={emptyText} count={targets.length}>
                  {targets.map((target) => (
                    <TargetCard key={`${target.kind}:${target.id}`} target={target} />
                  ))}
                </Section>
              );
            })
          : null}
      </StatusView>
    </Page>
  );
}
