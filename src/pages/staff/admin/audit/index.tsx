import { useState } from 'react';
import { Card } from '../../../../components/Card';
import { Pager } from '../../../../components/Pager';
import { staffScreen } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { formatDateTime, roleLabel } from '../../../../services/format';
import { useCloud } from '../../../../services/useCloud';
import type { AuditEntryView } from '../../../../shared/contracts-staff';
import type { StaffAuditChange } from '../../../../shared/documents';
import '../../staff.scss';

const ACTION_LABELS: Record<string, string> = {
  'staff.saveActivity': '发布或修改活动',
  'staff.cancelActivity': '取消活动',
  'staff.setTerm': '设定本学期',
  'staff.saveCourse': '发布或修改课程',
  'staff.saveAssociation': '发布或修改协会',
  'staff.saveTeam': '发布或修改服务队',
  'staff.recordVisit': '记录走访',
  'staff.setHospital': '登记住院或出院',
  'notice.publish': '发布通知',
  'notice.update': '修改通知',
  'notice.withdraw': '撤回通知',
  'roster.importRoster': '导入花名册',
  'roster.approveRequest': '通过入册申请',
  'roster.rejectRequest': '退回入册申请',
  'roster.confirmDeletion': '确认注销',
  'enrollment.approve': '通过入会申请',
  'enrollment.reject': '退回入会申请',
  'enrollment.drawLottery': '课程摇号',
  'suggestion.accept': '受理建议',
  'suggestion.assign': '交办建议',
  'suggestion.reply': '答复建议',
  'suggestion.conclude': '办结建议',
  'checkin.assist': '代签到',
  'checkin.confirmHours': '确认服务时长',
  'staff.saveSettings': '修改系统设置',
  'member.claimAdmin': '认领首位管理员',
  'staff.repairCounter': '按记录重新计数',
};

/** Bookkeeping fields that change on every write or say nothing to a reader. */
const QUIET = new Set(['_id', 'updatedAt', 'createdAt', 'line', 'byOpenid', 'publishedBy', 'checkinKey', 'activeKey', 'bindingKey']);

const COLLECTION_LABELS: Record<string, string> = {
  activities: '活动', courses: '课程', associations: '协会', volunteerTeams: '服务队', notices: '通知', members: '花名册',
  visits: '走访记录', settings: '设置', enrollments: '报名', suggestions: '建议', rosterRequests: '入册申请', deletionRequests: '注销申请',
};

const FIELD_LABELS: Record<string, string> = {
  title: '名称', name: '名称', kind: '类别', category: '类别', description: '介绍', place: '地点', startAt: '开始时间', endAt: '结束时间',
  signupDeadline: '报名截止', seats: '名额', walkUpAllowed: '可现场参加', status: '状态', cancelReason: '取消原因', cancelledAt: '取消时间',
  cancelledBy: '取消人', memberId: '老同志编号', memberName: '老同志', reason: '原因', visitedOn: '走访日期', visitors: '走访人', notes: '情况记录',
  byName: '记录人', hospitalizedAt: '住院登记', teacher: '老师', weekday: '星期', time: '上课时间', fee: '学费', campusName: '校区',
  enrollOpensAt: '报名开始', enrollClosesAt: '报名截止', leaderName: '会长', joinMode: '入会方式', purpose: '宗旨', meetingSchedule: '活动时间',
  posts: '岗位', taken: '已报名人数', memberCount: '会员人数', skills: '特长', termId: '学期', pinned: '置顶', audience: '通知对象', body: '正文', attachments: '附件', reply: '答复', outcome: '结果',
};
const MAX_VALUE = 60;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (typeof value === 'string' && ISO_TIME.test(value)) return formatDateTime(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/** One line per field that changed: 字段：before → after (a new document: its fields; a removed one: 已删除). */
function changeLines(change: StaffAuditChange): string[] {
  const head = `${COLLECTION_LABELS[change.collection] ?? change.collection}（${change.id}）`;
  if (!change.before && !change.after) return [head];
  if (!change.after) return [`${head}：已删除`];
  const before = change.before ?? {};
  const after = change.after;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !QUIET.has(k));
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  const label = (k: string) => FIELD_LABELS[k] ?? k;
  const lines = changed.map((k) => (change.before ? `${label(k)}：${shown(before[k])} → ${shown(after[k])}` : `${label(k)}：${shown(after[k])}`));
  return [change.before ? head : `${head}（新建）`, ...(lines.length ? lines : ['没有改动内容'])];
}

function Entry({ entry }: { entry: AuditEntryView }) {
  return (
    <Card
      title={ACTION_LABELS[entry.action] ?? entry.action}
      lines={[
        `${entry.actorName}（${roleLabel(entry.actorRole)}） · ${formatDateTime(entry.at)}`,
        ...entry.changes.flatMap(changeLines),
        entry.summary ? `结果：${shown(entry.summary)}` : null,
      ]}
    />
  );
}

function AuditLog() {
  const [page, setPage] = useState(1);
  const { loading, error, data, retry } = useCloud('staff', 'auditLog', { page });
  return (
    <StatusView loading={loading && !data} error={error} onRetry={retry} empty={data?.items.length === 0} emptyText='还没有操作记录'>
      {data ? (
        <>
          <Card title={`共${data.total}条记录，最新的在前`} />
          {data.items.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
        </>
      ) : null}
    </StatusView>
  );
}

/** 操作记录 (admins only): every staff write — who, what, when, and each field before → after. */
export default staffScreen({ title: '操作记录', intro: '工作人员的每一次修改都记在这里：谁、什么时候、改了什么。', adminOnly: true }, AuditLog);
