import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { RichText } from '../../components/taroHeavy';
import { useRouter } from '@tarojs/taro';
import { CallButtons } from '../../components/CallButtons';
import { BigButton } from '../../components/BigButton';
import { Facts } from '../../components/Facts';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { StatusView } from '../../components/StatusView';
import { openDocument } from '../../services/open-attachment';
import { formatDate, formatDateTime } from '../../services/format';
import { goBack } from '../../services/routes';
import { READ_ALOUD_FAILED, READ_ALOUD_UNAVAILABLE, useReadAloud } from '../../services/speech';
import { useCloud } from '../../services/useCloud';
import type { NoticeAttachmentView, OpenNoticeData } from '../../shared/contracts-notice';
import { richTextNodes, speechText } from '../../shared/notice-body';
import { phoneNumbersIn } from '../../shared/phone-numbers';
import './notices.scss';

function receiptText(read: OpenNoticeData['read']): string | null {
  if (!read) return null;
  if (read.firstTime) return '已记下您读过这条通知';
  return `${read.byHelper ? '家人替您' : '您'}在${formatDateTime(read.readAt)}读过这条通知`;
}

function sizeText(size?: number): string {
  if (!size) return '';
  return size >= 1024 * 1024 ? `（${(size / 1024 / 1024).toFixed(1)}MB）` : `（${Math.max(1, Math.round(size / 1024))}KB）`;
}

function Attachments({ attachments }: { attachments: readonly NoticeAttachmentView[] }) {
  const [failed, setFailed] = useState<string | null>(null);
  const open = async (attachment: NoticeAttachmentView) => {
    setFailed(null);
    if (!(await openDocument(attachment.url))) setFailed(attachment.name);
  };
  return (
    <View className='notice-files'>
      <Text className='section__title'>附件</Text>
      {attachments.map((attachment) =>
        attachment.url ? (
          <BigButton key={attachment.fileId} kind='secondary' onClick={() => void open(attachment)}>
            {`打开附件：${attachment.name}${sizeText(attachment.size)}`}
          </BigButton>
        ) : (
          <Text key={attachment.fileId} className='notice-files__gone'>{`附件“${attachment.name}”已经没有了，需要的话请打电话问老干部局`}</Text>
        ),
      )}
      {failed ? <Notice kind='error'>{`附件“${failed}”没有打开，请检查网络后再点一次`}</Notice> : null}
    </View>
  );
}

function NoticeView({ data }: { data: OpenNoticeData }) {
  const { notice } = data;
  const reader = useReadAloud(speechText(notice.title, notice.body));
  const urls = new Map(notice.body.flatMap((block) => (block.type === 'image' ? [[block.fileId, block.url] as const] : [])));
  const receipt = receiptText(data.read);
  return (
    <>
      <PageTitle title={notice.title} />
      <Facts
        items={[
          ['类别', notice.pinned ? `${notice.categoryLabel}（置顶）` : notice.categoryLabel],
          ['发布日期', formatDate(notice.publishedAt)],
          ['发布单位', notice.publisherName],
          ['发给', notice.audienceLabel],
        ]}
      />
      {reader.available ? (
        <>
          <BigButton kind={reader.speaking ? 'secondary' : 'primary'} pressed={reader.speaking} onClick={reader.toggle}>
            {reader.speaking ? '停止朗读' : '朗读'}
          </BigButton>
          {reader.speaking ? (
            <BigButton kind='secondary' pressed={reader.state === 'paused'} onClick={reader.pauseOrResume}>
              {reader.state === 'paused' ? '继续朗读' : '暂停'}
            </BigButton>
          ) : null}
          {reader.failed ? <Notice kind='error'>{READ_ALOUD_FAILED}</Notice> : null}
        </>
      ) : (
        <Notice kind='info'>{READ_ALOUD_UNAVAILABLE}</Notice>
      )}
      <View className='notice-body'>
        <RichText nodes={richTextNodes(notice.body, (fileId) => urls.get(fileId) ?? '')} />
      </View>
      <CallButtons numbers={phoneNumbersIn(speechText('', notice.body))} />
      {notice.attachments.length ? <Attachments attachments={notice.attachments} /> : null}
      {receipt ? <Notice kind='done'>{receipt}</Notice> : null}
      <BigButton kind='secondary' onClick={() => goBack('notices')}>
        返回通知列表
      </BigButton>
    </>
  );
}

/** 通知详情: the notice itself; opening it marks it read (once). 朗读 where the platform can speak. */
export default function NoticeDetail() {
  const { params } = useRouter();
  const { loading, error, data, retry } = useCloud('notice', 'open', { noticeId: params.id ?? '' });
  return (
    <Page>
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {data ? <NoticeView data={data} /> : null}
      </StatusView>
    </Page>
  );
}
