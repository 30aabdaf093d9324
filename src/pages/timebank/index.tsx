import { Text, View } from '@tarojs/components';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { Section } from '../../components/Section';
import { StatusView } from '../../components/StatusView';
import { openPage } from '../../services/routes';
import { useCloud } from '../../services/useCloud';
import { useRefreshOnShow } from '../../services/useRefreshOnShow';
import type { MyHoursData } from '../../shared/contracts-checkin';
import { attendanceLines, entryHeading, entryLines } from './entryText';
import './timebank.scss';

function Hours({ data }: { data: MyHoursData }) {
  const who = data.viewer.onBehalf ? `${data.viewer.memberName}的` : '我的';
  return (
    <>
      <PageTitle title={`${who}志愿时长`} intro='每次志愿服务记入的时长都列在下面；有更正的，写明了原因。' />
      <View className='hours-total'>
        <Text className='hours-total__label'>累计志愿服务时长</Text>
        <Text className='hours-total__value'>{data.totalText}</Text>
      </View>
      {data.totalHours > 0 ? <BigButton onClick={() => openPage('certificate')}>查看志愿服务证书</BigButton> : null}
      <Section title='时长明细' emptyText='还没有志愿服务时长。参加志愿服务队的服务，签到签退后会记在这里。' count={data.entries.length}>
        {data.entries.map((entry) => (
          <Card key={entry.id} title={entryHeading(entry)} lines={entryLines(entry)} badge={entry.hoursText} />
        ))}
      </Section>
      <Section title='最近的签到' emptyText='还没有签到记录' count={data.attendance.length}>
        {data.attendance.map((item) => (
          <Card key={`${item.kind}-${item.targetId}`} title={item.title} lines={attendanceLines(item)} />
        ))}
      </Section>
    </>
  );
}

/** 我的志愿时长: the total, big; every ledger entry with reversals and their reasons; recent check-ins. */
export default function TimeBank() {
  const { loading, error, data, retry } = useCloud('checkin', 'mine', {});
  useRefreshOnShow(retry);
  return (
    <Page>
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {data ? <Hours data={data} /> : null}
      </StatusView>
    </Page>
  );
}
