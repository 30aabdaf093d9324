import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { LinkCard } from '../../../../components/LinkCard';
import { Section } from '../../../../components/Section';
import { StaffPage } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { formatTime } from '../../../../services/format';
import { openPage } from '../../../../services/routes';
import { useCloud } from '../../../../services/useCloud';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import type { SessionDetailData, SessionVolunteer } from '../../../../shared/contracts-checkin';
import { hoursText } from '../../../../shared/timebank-rules';
import { entryLine, sessionLines } from '../session-values';
import '../../staff.scss';

function attendanceLine(v: SessionVolunteer): string {
  if (!v.checkedIn || !v.at) return '没有签到';
  const out = v.checkedOutAt ? `，${formatTime(v.checkedOutAt)}签退` : '';
  return `${formatTime(v.at)}签到${out}${v.presentMinutes !== null ? `，在岗${v.presentMinutes}分钟` : ''}`;
}

function Volunteer({ v, sessionId, mayCorrect }: { v: SessionVolunteer; sessionId: string; mayCorrect: boolean }) {
  const lines = [v.town, attendanceLine(v), v.entries.length ? `本次共记${hoursText(v.hours)}` : '还没有记时长'];
  return (
    <>
      <Card title={v.name} lines={lines} />
      {v.entries.map((e) =>
        mayCorrect && e.kind === 'credit' && !e.reversed ? (
          <LinkCard
            key={e.id}
            title={`${v.name}的时长：${e.hoursText}`}
            lines={[entryLine(e), e.note ? `备注：${e.note}` : null]}
            more='更正这笔时长'
            onClick={() => openPage('staffEntryCorrect', { session: sessionId, entry: e.id })}
          />
        ) : (
          <Card key={e.id} title={`${v.name}的时长：${e.hoursText}`} lines={[entryLine(e), e.reason ? `更正原因：${e.reason}` : null, e.note ? `备注：${e.note}` : null]} />
        ),
      )}
    </>
  );
}

function Detail({ data }: { data: SessionDetailData }) {
  const s = data.session;
  const credited = data.volunteers.filter((v) => v.hours > 0).length;
  const checkedIn = data.volunteers.filter((v) => v.checkedIn).length;
  return (
    <>
      <Card title={`${s.teamName}·${s.title}`} lines={sessionLines(s)} />
      <BigButton onClick={() => openPage('checkinBoard', { kind: 'session', id: s.id })}>打开签到码</BigButton>
      <BigButton kind='secondary' onClick={() => openPage('staffSessionHours', { id: s.id })}>
        确认时长
      </BigButton>
      <BigButton kind='secondary' onClick={() => openPage('staffSessionEdit', { team: s.teamId, id: s.id })}>
        修改时段
      </BigButton>
      <Section title={`出勤：${data.volunteers.length}人，已签到${checkedIn}人，已记时长${credited}人`} emptyText='还没有人在这个岗位上' count={data.volunteers.length}>
        {data.volunteers.map((v) => (
          <Volunteer key={v.memberId} v={v} sessionId={s.id} mayCorrect={data.mayCorrect} />
        ))}
      </Section>
    </>
  );
}

/** One session: its 签到码, 确认时长 and 修改, and the volunteers' check-ins and credits (each credit can be corrected). */
export default function StaffServiceSession() {
  const { params } = useRouter();
  const { loading, error, data, retry } = useCloud('checkin', 'session', { sessionId: params.id ?? '' });
  useRefreshOnShow(retry);
  return (
    <StaffPage loadError={error} title='出勤和时长' intro='记错了的时长，点那一笔“更正这笔时长”。'>
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {data ? <Detail data={data} /> : null}
      </StatusView>
    </StaffPage>
  );
}
