import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Pager } from '../../../../components/Pager';
import { Section } from '../../../../components/Section';
import { staffScreen, type ScreenParams } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { memberTypeLabel } from '../../../../services/format';
import { openPage } from '../../../../services/routes';
import { useCloud } from '../../../../services/useCloud';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import { CallCard } from '../../hotline/call-card';
import '../../staff.scss';

function Record({ params }: ScreenParams) {
  const memberId = params.memberId ?? '';
  const [page, setPage] = useState(1);
  const { loading, error, data, retry } = useCloud('hotline', 'memberRecord', { memberId, page });
  useRefreshOnShow(retry);
  const m = data?.member;
  return (
    <StatusView loading={loading && !data} error={error} onRetry={retry}>
      {data && m ? (
        <>
          <Card
            title={`${m.name}（${m.rosterNo}）`}
            lines={[memberTypeLabel(m.memberType), [m.town, m.community].filter(Boolean).join(' ') || null, m.phoneMasked ? `手机：${m.phoneMasked}` : null]}
            badge={m.erased ? '已注销' : undefined}
          />
          {m.erased ? null : <BigButton onClick={() => openPage('staffCallLog', { memberId: m.id, name: m.name })}>{`记录${m.name}的来电`}</BigButton>}
          <Section title={`服务热线来电（${data.calls.total}次）`} emptyText='还没有打过服务热线' count={data.calls.items.length}>
            {data.calls.items.map((call) => (
              <CallCard key={call.id} call={call} onFollowUpDone={retry} />
            ))}
            <Pager page={data.calls.page} pageSize={data.calls.pageSize} total={data.calls.total} onPage={setPage} />
          </Section>
        </>
      ) : null}
    </StatusView>
  );
}

/** 老同志档案 (staff): who the member is and their calls to the 服务热线, with open follow-ups to mark done. */
export default staffScreen({ title: '老同志档案', intro: '手机号只显示前3位和后4位。' }, Record);
