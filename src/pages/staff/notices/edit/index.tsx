import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { Notice } from '../../../../components/Notice';
import { SaveButton } from '../../../../components/form/SaveButton';
import { Section } from '../../../../components/Section';
import { StaffPage } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { TextArea } from '../../../../components/TextArea';
import { TextField } from '../../../../components/TextField';
import { openPage } from '../../../../services/routes';
import { pickNoticeFile } from '../../../../services/staffFiles';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import { FormProblem, fieldProblem, useProblem } from '../../../../services/useSave';
import {
  AUDIENCE_KIND_LABELS,
  type AudienceChoice,
  type GroupAudienceKind,
  type NoticeAttachmentInput,
  type NoticeCategory,
  type NoticeDraft,
  type PublishFormData,
} from '../../../../shared/contracts-notice';
import type { AppError } from '../../../../shared/errors';
import type { NoticeBlock } from '../../../../shared/notice-body';
import { blocksOfText, imagesOf, textOfBlocks } from '../../../../shared/notice-text';
import { formatBytes } from '../../../../shared/transfer-limits';
import '../../staff.scss';

type ImageBlock = Extract<NoticeBlock, { type: 'image' }>;

interface Draft {
  title: string;
  /** '' until staff choose: a wrong category or audience would go unnoticed */
  category: NoticeCategory | '';
  audienceKey: string;
  pinned: boolean;
  text: string;
  images: ImageBlock[];
  attachments: NoticeAttachmentInput[];
}

const BODY_MAX = 10000;
const EMPTY: Draft = { title: '', category: '', audienceKey: '', pinned: false, text: '', images: [], attachments: [] };

function audienceOf(key: string): AudienceChoice {
  if (key === 'everyone') return { kind: 'everyone' };
  const [kind, id] = key.split(':') as [GroupAudienceKind, string];
  return { kind, id };
}

type NoticeFields = { title: string; category: NoticeCategory; pinned: boolean; audience: AudienceChoice; body: NoticeBlock[]; attachments: NoticeAttachmentInput[] };

/** The draft as a request, or what is missing, by its field. */
function fieldsOf(draft: Draft): NoticeFields | FormProblem {
  const title = draft.title.trim();
  const body = blocksOfText(draft.text, draft.images);
  if (!title) return fieldProblem('title', '请填写标题');
  if (!draft.category) return fieldProblem('category', '请选择通知类别');
  if (!draft.audienceKey) return fieldProblem('audience', '请选择发给谁');
  if (body.length === 0) return fieldProblem('body', '请填写正文');
  return { title, category: draft.category, pinned: draft.pinned, audience: audienceOf(draft.audienceKey), body, attachments: draft.attachments };
}

function Editor({ form, initial, noticeId, saveLabel }: { form: PublishFormData; initial: Draft; noticeId: string | null; saveLabel: string }) {
  const [draft, setDraft] = useState(initial);
  const [uploading, setUploading] = useState(false);
  const [fileError, setFileError] = useState<AppError | null>(null);
  const { problem, show, errorOf } = useProblem();
  const [savedId, setSavedId] = useState<string | null>(null);
  const publish = useAction('notice', 'publish');
  const update = useAction('notice', 'update');
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const audiences = [
    { value: 'everyone', label: AUDIENCE_KIND_LABELS.everyone },
    ...form.audiences.map((a) => ({ value: `${a.kind}:${a.id}`, label: `${AUDIENCE_KIND_LABELS[a.kind]}：${a.name}` })),
  ];
  const fileCount = draft.images.length + draft.attachments.length;

  const addFile = async () => {
    if (uploading) return;
    setUploading(true);
    setFileError(null);
    const picked = await pickNoticeFile();
    setUploading(false);
    if (!picked) return;
    if (!picked.ok) return setFileError(picked.error);
    const file = picked.data;
    if (file.contentType === 'application/pdf') set({ attachments: [...draft.attachments, { fileId: file.fileId, name: file.name, size: file.size }] });
    else set({ images: [...draft.images, { type: 'image', fileId: file.fileId, caption: file.name.replace(/\.[a-z]+$/i, '') }] });
  };

  const save = async () => {
    const fields = fieldsOf(draft);
    if (fields instanceof FormProblem) return show(fields);
    show(null);
    // an audience that reaches no one is refused by the function: said by the audience choice
    const result = noticeId ? await update.run({ noticeId, ...fields }) : await publish.run(fields);
    if (result?.ok) setSavedId(result.data.id);
    else if (result?.error.code === 'NOTICE.EMPTY_AUDIENCE') show(fieldProblem('audience', result.error.message));
  };

  if (savedId) {
    return (
      <>
        <Notice kind='done'>{noticeId ? '修改已保存，老同志看到的是新的内容' : '通知已发布，老同志打开小程序就能看到'}</Notice>
        <BigButton onClick={() => openPage('staffReaders', { noticeId: savedId })}>看这条通知的阅读情况</BigButton>
        <BigButton kind='secondary' onClick={() => openPage('staffNotices')}>
          回到通知管理
        </BigButton>
      </>
    );
  }
  const error = problem ? null : (publish.error ?? update.error);
  const pending = publish.pending || update.pending;
  return (
    <>
      <TextField name='title' error={errorOf('title')} label='标题' value={draft.title} onChange={(title) => set({ title })} maxLength={form.titleMax} />
      <ChoiceChips
        name='category'
        error={errorOf('category')}
        label='类别'
        options={form.categories.map((c) => ({ value: c.key, label: c.label }))}
        selected={draft.category ? [draft.category] : []}
        onToggle={(value) => set({ category: value as NoticeCategory })}
      />
      <ChoiceChips name='audience' error={errorOf('audience')} label='发给谁' options={audiences} selected={draft.audienceKey ? [draft.audienceKey] : []} onToggle={(audienceKey) => set({ audienceKey })} />
      <ChoiceChips label='置顶' hint='置顶的通知排在最前面' options={[{ value: 'pinned', label: '置顶显示' }]} selected={draft.pinned ? ['pinned'] : []} onToggle={() => set({ pinned: !draft.pinned })} />
      <TextArea
        name='body'
        error={errorOf('body')}
        label='正文'
        hint='每段写一行。以“#”开头的一行是小标题，以“-”开头的几行是列表。'
        value={draft.text}
        onChange={(text) => set({ text })}
        maxLength={BODY_MAX}
      />
      <Section title='图片和PDF附件（可以不加）' emptyText={`还没有添加。最多${form.attachmentsMax}个PDF附件，图片放在正文后面。`} count={fileCount}>
        {draft.images.map((image) => (
          <Card key={image.fileId} title={`图片：${image.caption ?? ''}`}>
            <BigButton kind='secondary' onClick={() => set({ images: draft.images.filter((i) => i !== image) })}>
              去掉这张图片
            </BigButton>
          </Card>
        ))}
        {draft.attachments.map((file) => (
          <Card key={file.fileId} title={`附件：${file.name}`} lines={[file.size ? formatBytes(file.size) : null]}>
            <BigButton kind='secondary' onClick={() => set({ attachments: draft.attachments.filter((a) => a !== file) })}>
              去掉这个附件
            </BigButton>
          </Card>
        ))}
      </Section>
      {fileError ? <Notice kind='error'>{fileError.message}</Notice> : null}
      {draft.attachments.length < form.attachmentsMax ? (
        <BigButton kind='secondary' onClick={() => void addFile()}>
          {uploading ? '正在上传…' : '添加图片或PDF'}
        </BigButton>
      ) : null}
      <View className='staff-columns'>
        <Text className='staff-column'>图片和PDF每个不超过10MB。</Text>
      </View>
      <SaveButton label={saveLabel} onClick={() => void save()} pending={pending} problem={problem} error={error} />
    </>
  );
}

/** The draft a stored notice opens as in the editor. */
function draftOf(notice: NoticeDraft): Draft {
  const { audience } = notice;
  return {
    title: notice.title,
    category: notice.category,
    pinned: notice.pinned,
    audienceKey: audience.kind === 'everyone' ? 'everyone' : `${audience.kind}:${audience.id}`,
    text: textOfBlocks(notice.body),
    images: imagesOf(notice.body),
    attachments: notice.attachments,
  };
}

/** One call: the form's choices and, when editing, the notice itself. */
function NoticeForm({ noticeId, branchId }: { noticeId: string; branchId: string }) {
  const form = useCloud('notice', 'publishForm', noticeId ? { noticeId } : {});
  // 党支部's 发学习资料 opens the form for that branch, as study material
  const fresh: Draft = branchId ? { ...EMPTY, category: 'study', audienceKey: `branch:${branchId}` } : EMPTY;
  return (
    <StatusView loading={form.loading} error={form.error} onRetry={form.retry}>
      {form.data ? <Editor form={form.data} initial={form.data.notice ? draftOf(form.data.notice) : fresh} noticeId={noticeId || null} saveLabel={saveLabelOf(noticeId)} /> : null}
    </StatusView>
  );
}

const saveLabelOf = (noticeId: string) => (noticeId ? '保存修改' : '发布通知');

/** 发布通知 / 修改通知: title, category, audience, pinned, body, images and PDF attachments. */
export default function StaffNoticeEdit() {
  const { params } = useRouter();
  const noticeId = params.noticeId ?? '';
  return (
    <StaffPage title={noticeId ? '修改通知' : '发布通知'} intro={`写好后点最下面的“${saveLabelOf(noticeId)}”。`}>
      <NoticeForm noticeId={noticeId} branchId={params.branch ?? ''} />
    </StaffPage>
  );
}
