import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { ActivityCard } from '../../components/ActivityCard';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { StatusView } from '../../components/StatusView';
import { formatDate, formatSeatsLeft, formatWeekday } from '../../services/format';
import { openPage } from '../../services/routes';
import { useCloud } from '../../services/useCloud';
import './index.scss';

export default function Home() {
  const { loading, error, data, retry } = useCloud('catalog', 'home', {});
  return (
    <Page>
      <StatusView loading={loading} error={error} onRetry={retry}>
        {data ? (
          <>
            <Text className='greeting'>{data.viewerName ? `${data.viewerName}，您好` : '您好'}</Text>
            {data.viewerName ? null : <BigButton onClick={() => openPage('bind')}>第一次使用，请先确认身份</BigButton>}
            <Section title='通知公告' emptyText='现在没有新通知' count={data.notices.length}>
              {data.notices.map((notice) => (
                <Card key={notice.id} title={notice.title} lines={[`${notice.categoryLabel} · ${formatDate(notice.publishedAt)}发布`]} />
              ))}
            </Section>
            <Section title='近期活动' emptyText='近期没有安排活动' count={data.activities.length}>
              {data.activities.map((activity) => (
                <ActivityCard key={activity.id} activity={activity} />
              ))}
            </Section>
            <Section title='本学期课程' emptyText='本学期的课程还没有公布' count={data.courses.length}>
              {data.courses.map((course) => (
                <Card
                  key={course.id}
                  title={course.title}
                  lines={[`上课：${formatWeekday(course.weekday)} ${course.time}`, `地点：${course.campusName}`]}
                  badge={formatSeatsLeft(course.seatsLeft)}
                />
              ))}
            </Section>
            <BigButton onClick={() => void Taro.switchTab({ url: '/pages/activities/index' })}>查看全部活动</BigButton>
          </>
        ) : null}
      </StatusView>
    </Page>
  );
}
