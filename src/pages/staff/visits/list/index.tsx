import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Notice } from '../../../../components/Notice';
import { Section } from '../../../../components/Section';
import { staffScreen } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { formatDate, memberTypeLabel } from '../../../../services/format';
import { openPage } from '../../../../services/routes';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import type { BirthdayDue, HospitalDue } from '../../../../shared/contracts-staff';
import '../../staff.scss';

const dayLabel = (day: string) => formatDate(`${day}T12:00:00+08:00`);

function Birthday({ due }: { due: BirthdayDue }) {
  return (
    <Card
      title={`${due.name}（${memberTypeLabel(due.memberType) ?? ''}）`}
      lines={[`${dayLabel(due.day)}过${due.age}岁生日${due.milestone ? '（整寿）' : ''}`, due.town]}
      badge={due.visited ? '本周已走访' : '待走访'}
    >
      {due.visited ? null : (
        <BigButton onClick={() => openPage('staffVisit', { memberId: due.memberId, name: due.name, reason: 'birthday' })}>{`记录给${due.name}的生日走访`}</BigButton>
      )}
    </Card>
  );
}

function Hospital({ due, onHome }: { due: HospitalDue; onHome: () => void }) {
  const home = useAction('staff', 'setHospital');
  const back = async () => {
    const answer = await home.run({ memberId: due.memberId, inHospital: false });
    if (answer?.ok) onHome();
  };
  return (
    <Card
      title={`${due.name}（${memberTypeLabel(due.memberType) ?? ''}）`}
      lines={[`住院${due.daysInHospital}天（${formatDate(due.hospitalizedAt)}登记）`, due.lastVisitOn ? `上次走访：${dayLabel(due.lastVisitOn)}` : '住院后还没有走访', due.town]}
      badge='待走访'
    >
      <BigButton onClick={() => openPage('staffVisit', { memberId: due.memberId, name: due.name, reason: 'illness' })}>{`记录对${due.name}的住院走访`}</BigButton>
      {home.error ? <Notice kind='error'>{home.error.message}</Notice> : null}
      <BigButton kind='secondary' onClick={() => void back()}>
        {home.pending ? '正在保存…' : '已经出院了'}
      </BigButton>
    </Card>
  );
}

function DueList() {
  const { loading, error, data, retry } = useCloud('staff', 'visitsDue', {});
  const [homeName, setHomeName] = useState<string | null>(null);
  useRefreshOnShow(retry);
  const waiting = data?.birthdays.filter((b) => !b.visited).length ?? 0;
  return (
    <>
      <BigButton onClick={() => openPage('staffVisit')}>记录一次走访</BigButton>
      {homeName ? <Notice kind='done'>{`已登记${homeName}出院`}</Notice> : null}
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {data ? (
          <>
            <Section title={`住院待走访（${data.hospital.length}人）`} emptyText='没有住院超过7天还没走访的老同志' count={data.hospital.length}>
              {data.hospital.map((due) => (
                <Hospital
                  key={due.memberId}
                  due={due}
                  onHome={() => {
                    setHomeName(due.name);
                    retry();
                  }}
                />
              ))}
            </Section>
            <Section
              title={`本周生日（${dayLabel(data.week.from)}到${dayLabel(data.week.to)}，${waiting}人待走访）`}
              emptyText='本周没有老同志过生日'
              count={data.birthdays.length}
            >
              {data.birthdays.map((due) => (
                <Birthday key={due.memberId} due={due} />
              ))}
            </Section>
          </>
        ) : null}
      </StatusView>
    </>
  );
}

/** 走访慰问 (五必访): the due list — in hospital and not visited within 7 days, birthdays this week — and the way to record. */
export default staffScreen({ title: '走访慰问', intro: '生病住院、生日、重大节日、家庭变故、特殊困难、去世，都要走访。' }, DueList);
