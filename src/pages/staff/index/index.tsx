import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { Figures } from '../../../components/Figures';
import { LinkCard } from '../../../components/LinkCard';
import { Section } from '../../../components/Section';
import { staffScreen } from '../../../components/StaffPage';
import { Loaded } from '../../../components/Loaded';
import { formatDate, formatTime } from '../../../services/format';
import { openPage } from '../../../services/routes';
import { useCloud } from '../../../services/useCloud';
import type { StaffHomeData } from '../../../shared/contracts-staff';
import '../staff.scss';

/** title, what it is for, the link's words, the page it opens */
type Entry = readonly [title: string, line: string, more: string, page: Parameters<typeof openPage>[0]];

/** Every staff screen, grouped as the bureau's work is. */
const ENTRIES: ReadonlyArray<readonly [string, readonly Entry[]]> = [
  [
    '发布',
    [
      ['活动', '发布、修改、取消活动（取消时告诉已报名的人）', '管理活动', 'staffActivities'],
      ['学期与课程', '设定本学期，发布和修改老年大学课程', '管理课程', 'staffCourses'],
      ['云课堂', '给课程加视频、音频或图文课，安排收视点集体收看，看每一课谁学完了', '管理云课堂', 'staffLessons'],
      ['协会与志愿服务队', '发布和修改协会、服务队和岗位；查看名单', '管理协会和服务队', 'staffGroups'],
      ['通知管理', '发布、修改、撤回通知；看谁已读、谁未读', '管理通知', 'staffNotices'],
    ],
  ],
  [
    '审核',
    [
      ['入册审核', '不在花名册上的老同志申请登记', '去审核', 'staffReviews'],
      ['报名审核', '需要审核的协会入会申请', '去审核', 'approvals'],
      ['注销确认', '老同志申请注销账号，确认后删除个人信息', '去确认', 'staffDeletions'],
    ],
  ],
  [
    '服务老同志',
    [
      ['走访慰问', '本周生日、住院未走访的老同志；记录走访', '去走访', 'staffVisits'],
      ['服务热线', '记录老同志打来的电话；要回访的办完后写上回访情况', '看来电和待回访', 'staffHotline'],
      ['需电话通知', '微信提醒没送到的老同志，一键打电话告诉他们', '去打电话', 'staffPhone'],
      ['建言献策工作台', '受理、交办、答复、办结老同志的建议', '去办理', 'staffSuggestions'],
      ['志愿服务时段', '给服务队安排服务时段；确认志愿时长，记错了可以更正', '管理服务时段', 'staffSessions'],
      ['活动签到码', '在活动现场打开签到码给老同志扫，没带手机的按姓名代签到', '打开签到码', 'checkinTargets'],
      ['党支部', '离退休干部党支部：党员名单、三会一课和主题党日、学习资料、送学上门', '打开党支部', 'branches'],
    ],
  ],
  [
    '花名册与统计',
    [
      ['花名册', '按姓名或编号查找老同志，手机号只显示前3位和后4位', '打开花名册', 'staffRoster'],
      ['导入花名册', '上传Excel表格（.xlsx），有问题的行会列出行号和原因', '导入', 'staffImport'],
      ['数据统计', '会员、协会、志愿服务、课程、活动、通知、建议、走访，可导出Excel', '查看统计', 'staffFigures'],
      ['建言献策统计', '办理率、办结率、采纳率、平均办结天数', '查看统计', 'staffRates'],
    ],
  ],
];

/** The 工作台's counters; each opens the list it counts, filtered to what it counts. */
function Waiting({ data }: { data: StaffHomeData }) {
  const { suggestions: s, visitsDue } = data;
  return (
    <Figures
      items={[
        { label: '入册申请待审核', value: String(data.reviews), alert: data.reviews > 0, onClick: () => openPage('staffReviews') },
        { label: '入会申请待审核', value: String(data.approvals), alert: data.approvals > 0, onClick: () => openPage('approvals') },
        { label: '注销申请待确认', value: String(data.deletions), alert: data.deletions > 0, onClick: () => openPage('staffDeletions') },
        { label: '建议待办理', value: String(s.submitted + s.accepted + s.inProgress), onClick: () => openPage('staffSuggestions') },
        { label: '建议超期未受理', value: String(s.overdue), alert: s.overdue > 0, onClick: () => openPage('staffSuggestions', { filter: 'overdue' }) },
        { label: '本周生日待走访', value: String(visitsDue.birthdays), alert: visitsDue.birthdays > 0, onClick: () => openPage('staffVisits') },
        { label: '住院待走访', value: String(visitsDue.hospital), alert: visitsDue.hospital > 0, onClick: () => openPage('staffVisits') },
      ]}
    />
  );
}

function Workbench() {
  const state = useCloud('staff', 'home', {});
  return (
    <Loaded state={state} refreshOnShow>
      {(data) => (
        <>
          <Waiting data={data} />
          <Card
            title='建言献策'
            lines={[`待受理${data.suggestions.submitted}件，已受理${data.suggestions.accepted}件，办理中${data.suggestions.inProgress}件`]}
          />
          <Section title='今天的活动' emptyText='今天没有安排活动' count={data.today.length}>
            {data.today.map((a) => (
              <LinkCard
                key={a.id}
                title={a.title}
                lines={[`${formatTime(a.startAt)}开始 · ${a.place}`, `已报名${a.placed}人，已签到${a.checkIns}人`]}
                more='看名单和签到'
                onClick={() => openPage('staffGroupRoster', { kind: 'activity', id: a.id })}
              />
            ))}
          </Section>
          <Section title='最新通知的阅读情况' emptyText='还没有发布通知' count={data.notices.length}>
            {data.notices.map((n) => (
              <LinkCard
                key={n.id}
                title={n.title}
                lines={[`${formatDate(n.publishedAt)}发布 · 已读${n.readCount}人，未读${Math.max(0, n.audienceCount - n.readCount)}人`]}
                more='看谁没读'
                onClick={() => openPage('staffReaders', { noticeId: n.id })}
              />
            ))}
          </Section>
          <BigButton onClick={() => openPage('staffActivityEdit')}>发布活动</BigButton>
          <BigButton kind='secondary' onClick={() => openPage('staffNoticeEdit')}>
            发布通知
          </BigButton>
          <BigButton kind='secondary' onClick={() => openPage('staffVisit')}>
            记录走访
          </BigButton>
          {ENTRIES.map(([group, entries]) => (
            <Section key={group} title={group} emptyText='' count={entries.length}>
              {entries.map(([title, line, more, page]) => (
                <LinkCard key={title} title={title} lines={[line]} more={more} onClick={() => openPage(page)} />
              ))}
            </Section>
          ))}
          {data.isAdmin ? (
            <Section title='管理员' emptyText='' count={3}>
              <LinkCard title='操作记录' lines={['每一次工作人员的修改：谁、什么时候、改了什么']} more='查看操作记录' onClick={() => openPage('staffAudit')} />
              <LinkCard title='系统设置' lines={['单位名称、服务电话、订阅消息模板']} more='修改系统设置' onClick={() => openPage('staffSettings')} />
              <LinkCard title='数据核对' lines={['各处显示的人数和报名记录是否一致，对不上的可以重新计数']} more='去核对' onClick={() => openPage('staffIntegrity')} />
            </Section>
          ) : null}
        </>
      )}
    </Loaded>
  );
}

/** 工作台: what waits for the bureau (one call, staff.home), and the way into each staff screen. */
export default staffScreen({ title: '老干部局工作台', intro: '待办的事在上面，点下面的卡片进入各项工作。' }, Workbench);
