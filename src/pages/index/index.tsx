import { useEffect, useLayoutEffect } from 'react';
import { ActivityCard } from '../../components/ActivityCard';
import { BigButton } from '../../components/BigButton';
import { EntryTiles } from '../../components/EntryTiles';
import { LinkCard } from '../../components/LinkCard';
import { Card } from '../../components/Card';
import { HotlineCard } from '../../components/HotlineCard';
import { Page } from '../../components/Page';
import { PlainText } from '../../components/PlainText';
import { Section } from '../../components/Section';
import { StatusView } from '../../components/StatusView';
import { classTime } from '../../services/enrollFormat';
import { formatDate, messagesHint, unreadHint } from '../../services/format';
import { keepHomeShell, releaseHomeShell } from '../../services/homeShell';
import { cardState, courseTimeline } from '../../services/phase';
import { goTo, openPage } from '../../services/routes';
import { followAccountPreferences } from '../../services/preferences';
import { useCloud } from '../../services/useCloud';
import { useRefreshOnShow } from '../../services/useRefreshOnShow';
import { useTabBadge } from '../../services/tabBar';
import './index.scss';

const TILES = [
  { label: '老年大学选课', hint: '就近选课', onClick: () => openPage('courses') },
  { label: '活动报名', hint: '比赛、讲座、参观', onClick: () => goTo('activities') },
  { label: '协会', hint: '加入兴趣协会', onClick: () => openPage('associations') },
  { label: '志愿服务', hint: '按特长选岗位', onClick: () => openPage('teams') },
] as const;

export default function Home() {
  const { loading, error, data, refreshing, holding, retry } = useCloud('catalog', 'home', {}, { keep: true });
  // the account's large text follows the person to this device (once; never made smaller), from the fresh answer
  const accountLargeText = refreshing ? undefined : data?.largeText;
  useEffect(() => followAccountPreferences(accountLargeText), [accountLargeText]);
  // H5: the shell index.html showed (this screen as last time) goes once this screen is laid out; once a fresh
  // answer has painted, the screen is kept as the shell for next time
  useLayoutEffect(releaseHomeShell, []);
  const fresh = data !== null && !refreshing;
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !fresh) return;
    const frame = requestAnimationFrame(() => setTimeout(keepHomeShell, 0));
    return () => cancelAnimationFrame(frame);
  }, [fresh, data]);
  const bound = Boolean(data?.viewerName);
  useRefreshOnShow(retry);
  useTabBadge('home', 'notices', data?.unreadNotices);
  useTabBadge('home', 'messages', data?.unreadMessages);
  const tiles = [
    ...TILES,
    { label: '通知公告', hint: unreadHint(data?.unreadNotices ?? null), onClick: () => openPage('notices') },
    ...(bound ? [{ label: '消息', hint: messagesHint(data?.unreadMessages ?? null), onClick: () => openPage('messages') }] : []),
    { label: '建言献策', hint: '提意见和建议', onClick: () => openPage('suggest') },
  ];
  // the early call is about to answer: draw the screen once, with it (not a loading screen first)
  if (holding) return null;
  return (
    <Page tab='home'>
      <StatusView loading={loading && !data} error={error} onRetry={retry} refreshing={refreshing}>
        {data ? (
          <>
            <PlainText className='greeting'>{data.viewerName ? `${data.viewerName}，您好` : '您好'}</PlainText>
            {data.viewerName ? null : <BigButton onClick={() => openPage('bind')}>第一次使用，请先确认身份</BigButton>}
            {data.staffEntry ? <BigButton onClick={() => openPage('staffHome')}>进入老干部局工作台</BigButton> : null}
            <EntryTiles tiles={tiles} />
            {data.viewerName ? (
              <BigButton kind='secondary' onClick={() => openPage('mine')}>
                我的报名
              </BigButton>
            ) : null}
            <HotlineCard hotline={data.hotline} />
            <Section title='通知公告' emptyText='现在没有新通知' count={data.notices.length}>
              {data.notices.map((notice) =>
                bound ? (
                  <LinkCard
                    key={notice.id}
                    title={notice.title}
                    lines={[`${notice.categoryLabel} · ${formatDate(notice.publishedAt)}发布`]}
                    more='打开阅读'
                    onClick={() => openPage('notice', { id: notice.id })}
                  />
                ) : (
                  <Card key={notice.id} title={notice.title} lines={[`${notice.categoryLabel} · ${formatDate(notice.publishedAt)}发布`]} />
                ),
              )}
            </Section>
            <Section title='近期活动' emptyText='近期没有安排活动' count={data.activities.length}>
              {data.activities.map((activity) => (
                <ActivityCard key={activity.id} activity={activity} onClick={() => openPage('activity', { id: activity.id })} />
              ))}
            </Section>
            <Section title='本学期课程' emptyText='本学期的课程还没有公布' count={data.courses.length}>
              {data.courses.map((course) => (
                <LinkCard
                  key={course.id}
                  title={course.title}
                  lines={[`上课：${classTime(course.weekday, course.time)}`, `地点：${course.campusName}`]}
                  {...cardState(courseTimeline(course), course.seatsLeft)}
                  onClick={() => openPage('course', { id: course.id })}
                />
              ))}
            </Section>
            <BigButton onClick={() => goTo('activities')}>查看全部活动</BigButton>
            <BigButton kind='secondary' onClick={() => openPage('courses')}>
              查看全部课程
            </BigButton>
          </>
        ) : null}
      </StatusView>
    </Page>
  );
}
