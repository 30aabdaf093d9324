import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { Figures } from '../../../../components/Figures';
import { Notice } from '../../../../components/Notice';
import { Pager } from '../../../../components/Pager';
import { staffScreen, type ScreenParams } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { TwoStepButton } from '../../../../components/TwoStepButton';
import { formatDateTime } from '../../../../services/format';
import { callPhone } from '../../../../services/phone';
import { openPage } from '../../../../services/routes';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import { emptyReadersText, type ReaderRow } from '../../../../shared/contracts-notice';
import '../../staff.scss';

function Reader({ row }: { row: ReaderRow }) {
  const place = [row.town, row.community].filter(Boolean).join(' ');
  return (
    <Card
      title={row.name}
      lines={[place ? `住址：${place}` : null, row.readAt ? `${formatDateTime(row.readAt)}已读${row.byHelper ? '（家人代读）' : ''}` : null]}
    >
      <View className='card__line'>
        <Text>电话：</Text>
        <Text className='staff-phone'>{row.phone || '没有登记'}</Text>
      </View>
      {row.phone ? (
        <BigButton kind='secondary' onClick={() => callPhone(row.phone)}>
          {`给${row.name}打电话`}
        </BigButton>
      ) : null}
    </Card>
  );
}

function Readers({ params }: ScreenParams) {
  const noticeId = params.noticeId ?? '';
  const [filter, setFilter] = useState<'unread' | 'read'>('unread');
  const [page, setPage] = useState(1);
  const { loading, error, data, retry } = useCloud('notice', 'readers', { noticeId, filter, page });
  const withdraw = useAction('notice', 'withdraw');
  useRefreshOnShow(retry);
  const onWithdraw = async () => {
    const result = await withdraw.run({ noticeId });
    if (result?.ok) retry();
  };
  const notice = data?.notice;
  return (
    <StatusView loading={loading && !data} error={error} onRetry={retry}>
      {notice ? (
        <>
          <Card title={notice.title} lines={[`${notice.categoryLabel} · 发给${notice.audienceLabel}`, `${formatDateTime(notice.publishedAt)} ${notice.publisherName}`]} badge={notice.status === 'withdrawn' ? '已撤回' : undefined} />
          <Figures
            items={[
              { label: '发给', value: `${notice.audienceCount}人`, alert: notice.audienceCount === 0 },
              { label: '已读', value: `${notice.readCount}人` },
              { label: '未读', value: `${notice.unreadCount}人`, alert: notice.unreadCount > 0 },
            ]}
          />
          {withdraw.error ? <Notice kind='error'>{withdraw.error.message}</Notice> : null}
          {notice.status === 'published' ? (
            <>
              <BigButton kind='secondary' onClick={() => openPage('staffNoticeEdit', { noticeId })}>
                修改这条通知
              </BigButton>
              <TwoStepButton
                label='撤回这条通知'
                question='撤回后老同志就看不到这条通知了。确定撤回吗？'
                confirmLabel='确定撤回'
                keepLabel='不撤回'
                pending={withdraw.pending}
                onConfirm={() => void onWithdraw()}
              />
            </>
          ) : (
            <Notice>这条通知已经撤回，老同志看不到了。</Notice>
          )}
          <ChoiceChips
            label='名单'
            options={[
              { value: 'unread', label: `未读（${notice.unreadCount}）` },
              { value: 'read', label: `已读（${notice.readCount}）` },
            ]}
            selected={[filter]}
            onToggle={(value) => {
              setFilter(value as 'unread' | 'read');
              setPage(1);
            }}
          />
          {data.items.length === 0 ? <Notice>{emptyReadersText(filter, notice)}</Notice> : null}
          {data.items.map((row) => (
            <Reader key={row.memberId} row={row} />
          ))}
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
        </>
      ) : null}
    </StatusView>
  );
}

/** One notice's read receipts: counts, the unread list with phone numbers (to call or bring it round), edit, withdraw. */
export default staffScreen({ title: '通知阅读情况', intro: '未读的老同志，可以打电话告诉他们，或者送学上门。' }, Readers);
