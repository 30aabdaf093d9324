import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Notice } from '../../../../components/Notice';
import { staffScreen } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { formatDateTime } from '../../../../services/format';
import { callPhone } from '../../../../services/phone';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import type { PhoneListRow } from '../../../../shared/messages';
import '../../staff.scss';

function Row({ row }: { row: PhoneListRow }) {
  const phoned = useAction('messages', 'phoned');
  const [done, setDone] = useState(false);
  const onDone = async () => {
    const result = await phoned.run({ messageId: row.messageId });
    if (result?.ok) setDone(true);
  };
  return (
    <Card title={`${row.name}：${row.title}`} lines={[...row.body.split('\n'), `${formatDateTime(row.at)}应通知`]}>
      {row.phone ? (
        <BigButton onClick={() => callPhone(row.phone)}>{`打电话 ${row.phone}`}</BigButton>
      ) : (
        <Notice kind='error'>名册里没有电话，请上门告知</Notice>
      )}
      {phoned.error ? <Notice kind='error'>{phoned.error.message}</Notice> : null}
      {done ? (
        <Notice kind='done'>已记下：电话通知过了</Notice>
      ) : (
        <BigButton kind='secondary' onClick={() => (phoned.pending ? undefined : void onDone())}>
          {phoned.pending ? '正在记下…' : '已电话通知'}
        </BigButton>
      )}
    </Card>
  );
}

function PhoneList() {
  const { loading, error, data, retry } = useCloud('messages', 'phoneList', {});
  return (
    <StatusView loading={loading && !data} error={error} onRetry={retry} empty={data?.rows.length === 0} emptyText='现在没有需要电话通知的人'>
      {data?.rows.map((row) => <Row key={row.messageId} row={row} />)}
    </StatusView>
  );
}

/** 需电话通知: members whom WeChat could not reach (no permission left, notifications blocked, no WeChat). */
export default staffScreen({ title: '需电话通知', intro: '这些老同志没有收到微信提醒（没有开通知或没有微信）。请打电话告诉他们，打完点“已电话通知”。' }, PhoneList);
