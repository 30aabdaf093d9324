import { Card } from '../../components/Card';
import { LinkCard } from '../../components/LinkCard';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { Section } from '../../components/Section';
import { Loaded } from '../../components/Loaded';
import { formatDate } from '../../services/format';
import { openPage } from '../../services/routes';
import { useCloud } from '../../services/useCloud';
import type { MyBranchData, MyMeetingRow } from '../../shared/contracts-branch';
import { meetingWhen } from './meeting-values';

function Meeting({ m, past }: { m: MyMeetingRow; past: boolean }) {
  return (
    <Card
      title={`${m.kindLabel}：${m.title}`}
      lines={[meetingWhen(m), `地点：${m.place}`, m.agenda ? `议程：${m.agenda}` : null]}
      badge={m.present ? '已签到' : past ? '没有签到' : '到时请扫码签到'}
    />
  );
}

function Branch({ data }: { data: MyBranchData }) {
  if (!data.branch) {
    return <Card title='您还没有加入党支部' lines={['如果您是党员，请联系老干部局，把您编入所在的离退休干部党支部。']} />;
  }
  return (
    <>
      <Card title={data.branch.name} lines={[data.branch.secretaryName ? `支部书记：${data.branch.secretaryName}` : '支部书记还没有确定']} />
      <Section title='要开的会' emptyText='最近没有安排会议' count={data.upcoming.length}>
        {data.upcoming.map((m) => (
          <Meeting key={m.id} m={m} past={false} />
        ))}
      </Section>
      <Section title='学习资料' emptyText='还没有学习资料' count={data.materials.length}>
        {data.materials.map((m) => (
          <LinkCard key={m.id} title={m.title} lines={[`${formatDate(m.publishedAt)}发布`]} badge={m.read ? '已读' : '未读'} more='打开学习' onClick={() => openPage('notice', { id: m.id })} />
        ))}
      </Section>
      <Section title='开过的会' emptyText='还没有开过会' count={data.recent.length}>
        {data.recent.map((m) => (
          <Meeting key={m.id} m={m} past />
        ))}
      </Section>
    </>
  );
}

/** 我的党支部: the member's branch, its meetings (with their own check-in) and study material, in one call. */
export default function MyBranch() {
  const state = useCloud('branch', 'myBranch', {});
  return (
    <Page>
      <PageTitle title='我的党支部' intro='支部开会和学习的安排都在这里。开会时在会场扫码签到；来不了的，支部书记会送学上门。' />
      <Loaded state={state} refreshOnShow>
        {(data) => <Branch data={data} />}
      </Loaded>
    </Page>
  );
}
