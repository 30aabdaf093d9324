import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { LinkCard } from '../../../../components/LinkCard';
import { Section } from '../../../../components/Section';
import { staffScreen } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { openPage } from '../../../../services/routes';
import { useCloud } from '../../../../services/useCloud';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import type { SessionRow } from '../../../../shared/contracts-checkin';
import { MODE_TEXT, whenText } from '../session-values';
import '../../staff.scss';

function SessionCard({ s }: { s: SessionRow }) {
  return (
    <LinkCard
      title={s.status === 'cancelled' ? `${s.title}（已取消）` : s.title}
      lines={[whenText(s), `${s.place} · ${s.postName ?? '所有岗位'}`, MODE_TEXT[s.mode]]}
      more='签到码、确认时长、出勤'
      onClick={() => openPage('staffSession', { id: s.id })}
    />
  );
}

function SessionList() {
  const [teamId, setTeamId] = useState('');
  const { loading, error, data, retry } = useCloud('checkin', 'sessions', teamId ? { teamId } : {});
  useRefreshOnShow(retry);
  const current = data?.teamId ?? '';
  return (
    <StatusView loading={loading && !data} error={error} onRetry={retry} empty={Boolean(data) && !data?.teams.length} emptyText='还没有志愿服务队'>
      {data ? (
        <>
          <ChoiceChips label='服务队' options={data.teams.map((t) => ({ value: t.id, label: t.name }))} selected={[current]} onToggle={setTeamId} />
          <BigButton onClick={() => openPage('staffSessionEdit', { team: current })}>新建时段</BigButton>
          <Section title='还没结束的时段' emptyText='这个服务队还没有安排时段' count={data.upcoming.length}>
            {data.upcoming.map((s) => (
              <SessionCard key={s.id} s={s} />
            ))}
          </Section>
          <Section title='最近60天结束的时段' emptyText='最近没有结束的时段' count={data.recent.length}>
            {data.recent.map((s) => (
              <SessionCard key={s.id} s={s} />
            ))}
          </Section>
        </>
      ) : null}
    </StatusView>
  );
}

/** 志愿服务时段: a team's sessions (upcoming and recent) and the way to create one. */
export default staffScreen({ title: '志愿服务时段', intro: '先选服务队。点一个时段可以打开签到码、确认时长、查看出勤。' }, SessionList);
