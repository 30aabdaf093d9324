import { useState } from 'react';
import { ApproveOrRefuse } from '../../../../components/ApproveOrRefuse';
import { Card } from '../../../../components/Card';
import { Notice } from '../../../../components/Notice';
import { FilteredList } from '../../../../components/PagedList';
import { staffScreen } from '../../../../components/StaffPage';
import { formatDateTime, genderLabel, memberTypeLabel } from '../../../../services/format';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import { useFilterPage } from '../../../../services/useFilterPage';
import type { RosterRequestRow, RosterRequestStatus } from '../../../../shared/contracts-roster';
import '../../staff.scss';

const STATUSES: { value: RosterRequestStatus; label: string }[] = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已同意' },
  { value: 'rejected', label: '未同意' },
];

/** One request: 同意 (creates the roster entry), or 不同意 with a reason asked in place. */
function Request({ item }: { item: RosterRequestRow }) {
  const approve = useAction('roster', 'approveRequest');
  const reject = useAction('roster', 'rejectRequest');
  const [outcome, setOutcome] = useState<string | null>(null);
  const error = approve.error ?? reject.error;

  const onApprove = async () => {
    const result = await approve.run({ requestId: item.id });
    if (result?.ok) setOutcome(`已同意，已登记入册，编号${result.data.rosterNo}${result.data.bound ? '，本人的微信已绑定' : ''}`);
  };
  const onReject = async (text: string) => {
    const result = await reject.run({ requestId: item.id, reason: text });
    if (result?.ok) setOutcome('已不同意，本人会看到原因');
  };

  const place = [item.town, item.community].filter(Boolean).join(' ');
  return (
    <Card
      title={item.name}
      lines={[
        `${memberTypeLabel(item.memberType) ?? ''} · ${genderLabel(item.gender)} · ${item.birthYear}年生${item.partyMember ? ' · 党员' : ''}`,
        item.formerUnit ? `原单位：${item.formerUnit}` : null,
        place ? `住址：${place}` : null,
        item.phoneMasked ? `手机：${item.phoneMasked}` : null,
        item.note ? `说明：${item.note}` : null,
        `申请时间：${formatDateTime(item.createdAt)}`,
        item.status === 'rejected' && item.rejectReason ? `未同意的原因：${item.rejectReason}` : null,
        item.decidedBy && item.decidedAt ? `${item.decidedBy}于${formatDateTime(item.decidedAt)}处理` : null,
      ]}
    >
      {error ? <Notice kind='error'>{error.message}</Notice> : null}
      {outcome ? <Notice kind='done'>{outcome}</Notice> : null}
      {item.status === 'pending' && !outcome ? (
        <ApproveOrRefuse approveLabel='同意，登记入册' reasonLabel='不同意的原因（本人会看到）' reasonMax={100} reasonRequired
          approving={approve.pending} refusing={reject.pending} onApprove={() => void onApprove()} onRefuse={(text) => void onReject(text)} />
      ) : null}
    </Card>
  );
}

function Reviews() {
  const { filter: status, page, setPage, choose } = useFilterPage<RosterRequestStatus>('pending');
  const state = useCloud('roster', 'reviewRequests', { status, page });
  const { data } = state;
  const options = STATUSES.map((s) => (s.value === 'pending' && data ? { ...s, label: `待审核（${data.pendingCount}）` } : s));
  return (
    <FilteredList label='显示' options={options} selected={status} onChoose={choose} state={state} onPage={setPage} emptyText='这里没有申请'
      renderItem={(item) => <Request key={item.id} item={item} />} />
  );
}

/** 入册审核: people not on the roster asked to be registered. */
export default staffScreen({ title: '入册审核', intro: '不在花名册上的老同志申请登记。同意后自动登记入册并绑定本人微信。' }, Reviews);
