import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Card } from '../../../../components/Card';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { ExportFile } from '../../../../components/ExportFile';
import { Figures } from '../../../../components/Figures';
import { Pager } from '../../../../components/Pager';
import { Section } from '../../../../components/Section';
import { StaffPage } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { formatDateTime, memberTypeLabel } from '../../../../services/format';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import type { GroupRosterData, GroupRosterRequest, GroupRosterRow } from '../../../../shared/contracts-staff';
import type { RosterKind } from '../../../../shared/primitives';
import '../../staff.scss';

const KINDS: RosterKind[] = ['association', 'team', 'course', 'activity'];
const KIND_LABELS: Record<RosterKind, string> = { association: '协会', team: '服务队', course: '课程', activity: '活动' };
const STATE_LABELS: Record<GroupRosterRow['state'], string> = { enrolled: '已报名', waitlisted: '候补', pending: '待审核' };
const FILTERS = [
  { value: 'all', label: '全部' },
  { value: 'in', label: '已签到' },
  { value: 'out', label: '还没签到' },
];

function figuresOf(data: GroupRosterData) {
  const items = [
    { label: data.kind === 'association' ? '会员' : '已报名', value: `${data.counts.enrolled}人` },
    { label: '候补', value: `${data.counts.waitlisted}人` },
    { label: '待审核', value: `${data.counts.pending}人` },
  ];
  if (data.counts.checkedIn !== null) items.push({ label: '已签到', value: `${data.counts.checkedIn}人` });
  return items;
}

function rowLines(row: GroupRosterRow): Array<string | null> {
  return [
    [memberTypeLabel(row.memberType), row.town, row.phoneMasked].filter(Boolean).join(' · '),
    row.postName ? `岗位：${row.postName}` : null,
    row.state === 'waitlisted' && row.position ? `候补第${row.position}位` : null,
    row.checkedIn === null ? null : row.checkedIn && row.checkedInAt ? `已签到：${formatDateTime(row.checkedInAt)}` : '还没签到',
    row.sessions === null ? null : `服务签到${row.sessions}次`,
  ];
}

function Roster({ request }: { request: GroupRosterRequest }) {
  const [filter, setFilter] = useState('all');
  const [page, setPage] = useState(1);
  const checked = filter === 'in' || filter === 'out' ? filter : undefined;
  const { loading, error, data, retry } = useCloud('staff', 'roster', { ...request, page, ...(checked ? { checked } : {}) });
  const exporter = useAction('staff', 'exportRoster');
  useRefreshOnShow(retry);
  const rows = data?.rows ?? [];
  const first = data ? (data.page - 1) * data.pageSize : 0;
  const onFilter = (value: string) => {
    setFilter(value);
    setPage(1);
  };
  return (
    <StatusView loading={loading && !data} error={error} onRetry={retry}>
      {data ? (
        <>
          <Section title={`${KIND_LABELS[data.kind]}：${data.title}`} emptyText='' count={1}>
            <Figures items={figuresOf(data)} />
          </Section>
          <ExportFile label='导出Excel名单' onExport={() => exporter.run(request)} />
          {data.kind === 'activity' ? <ChoiceChips label='只看' options={FILTERS} selected={[filter]} onToggle={onFilter} /> : null}
          <Section title={`名单（${data.total}人）`} emptyText='还没有人报名' count={rows.length}>
            {rows.map((row, i) => (
              <Card key={`${row.memberId}-${row.postName ?? ''}`} title={`${first + i + 1}. ${row.name || '（已注销）'}`} lines={rowLines(row)} badge={STATE_LABELS[row.state]} />
            ))}
          </Section>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
        </>
      ) : null}
    </StatusView>
  );
}

/** 名单: who is in an association, team (post), course or activity, with check-in status; 导出Excel. */
export default function StaffGroupRoster() {
  const { params } = useRouter();
  const kind = KINDS.find((k) => k === params.kind);
  const id = params.id ?? '';
  const request: GroupRosterRequest = { kind: kind ?? 'activity', id, ...(params.postId ? { postId: params.postId } : {}) };
  return (
    <StaffPage title='名单' intro='手机号只显示前3位和后4位；导出的表格可以转发给负责人。'>
      {kind && id ? <Roster request={request} /> : <StatusView loading={false} error={null} onRetry={() => undefined} empty emptyText='请从活动、课程、协会或服务队进入名单' />}
    </StaffPage>
  );
}
