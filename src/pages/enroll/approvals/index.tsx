import { useState } from 'react';
import { ApproveOrRefuse } from '../../../components/ApproveOrRefuse';
import { Card } from '../../../components/Card';
import { Notice } from '../../../components/Notice';
import { Pager } from '../../../components/Pager';
import { Page } from '../../../components/Page';
import { PageTitle } from '../../../components/PageTitle';
import { StatusView } from '../../../components/StatusView';
import { formatDateTime } from '../../../services/format';
import { useAction } from '../../../services/useAction';
import { useCloud } from '../../../services/useCloud';
import type { ApprovalItem } from '../../../shared/contracts-enrollment';

/** One request: 同意, or 不同意 with an optional reason asked in place (no pop-up). */
function Request({ item }: { item: ApprovalItem }) {
  const approve = useAction('enrollment', 'approve');
  const reject = useAction('enrollment', 'reject');
  const [status, setStatus] = useState(item.status);
  const error = approve.error ?? reject.error;

  const onApprove = async () => {
    const result = await approve.run({ enrollmentId: item.enrollmentId });
    if (result?.ok) setStatus(result.data.status);
  };
  const onReject = async (text: string) => {
    const result = await reject.run(text ? { enrollmentId: item.enrollmentId, reason: text } : { enrollmentId: item.enrollmentId });
    if (result?.ok) setStatus(result.data.status);
  };

  const who = item.town ? `${item.memberName}（${item.town}）` : item.memberName;
  return (
    <Card title={who} lines={[`申请加入：${item.associationName}`, `申请时间：${formatDateTime(item.requestedAt)}`]}>
      {error ? <Notice kind='error'>{error.message}</Notice> : null}
      {status === 'active' ? <Notice kind='done'>{`已同意，${item.memberName}已入会`}</Notice> : null}
      {status === 'rejected' ? <Notice kind='done'>已不同意，已通知本人</Notice> : null}
      {status === 'pending' ? (
        <ApproveOrRefuse approveLabel='同意' reasonLabel='不同意的原因（可以不填）' reasonMax={60}
          approving={approve.pending} refusing={reject.pending} onApprove={() => void onApprove()} onRefuse={(text) => void onReject(text)} />
      ) : null}
    </Card>
  );
}

/** 报名审核 (leaders for their associations, staff for all): join requests waiting for a decision. */
export default function Approvals() {
  const [page, setPage] = useState(1);
  const { loading, error, data, retry } = useCloud('enrollment', 'approvals', { page });
  return (
    <Page>
      <PageTitle title='报名审核' intro='这些老同志申请加入需要审核的协会，请逐个处理。' />
      <StatusView loading={loading && !data} error={error} onRetry={retry} empty={data?.requests.length === 0} emptyText='现在没有待审核的申请'>
        {data ? <Notice kind='info'>{`共${data.total}条申请等待审核`}</Notice> : null}
        {data?.requests.map((item) => (
          <Request key={item.enrollmentId} item={item} />
        ))}
        {data ? <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} /> : null}
      </StatusView>
    </Page>
  );
}
