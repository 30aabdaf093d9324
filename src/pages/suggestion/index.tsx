import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ActingBanner } from '../../components/ActingBanner';
import { BigButton } from '../../components/BigButton';
import { CallButtons } from '../../components/CallButtons';
import { ChoiceChips, optionsOf, type Choice } from '../../components/ChoiceChips';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { Photo } from '../../components/Photo';
import { StatusView } from '../../components/StatusView';
import { TextArea } from '../../components/TextArea';
import { canAttachPhotos, pickPhotos, uploadPhotos } from '../../services/photos';
import { openPage } from '../../services/routes';
import { askForIntent } from '../../services/notifyPermission';
import { useAction } from '../../services/useAction';
import { useCloud } from '../../services/useCloud';
import { fieldProblem, useProblem } from '../../services/useSave';
import type { SuggestionCategory, SuggestionDetail, SuggestionFormData } from '../../shared/contracts-suggestion';
import { ERROR_MESSAGES } from '../../shared/errors';
import './suggestion.scss';

const NAME_CHOICES: ReadonlyArray<Choice<'show' | 'hide'>> = [
  { value: 'show', label: '公开我的姓名' },
  { value: 'hide', label: '不公开（匿名）' },
];

function Photos({ max, paths, onChange }: { max: number; paths: string[]; onChange: (paths: string[]) => void }) {
  if (!canAttachPhotos()) {
    return (
      <View className='suggest-part'>
        <Text className='field__label'>3. 照片</Text>
        <Text className='field__hint'>这里不能加照片。需要附照片的，请在微信小程序里提交。</Text>
      </View>
    );
  }
  const add = async () => onChange([...paths, ...(await pickPhotos(max - paths.length))]);
  return (
    <View className='suggest-part'>
      <Text className='field__label'>{`3. 照片（可以不加，最多${max}张）`}</Text>
      {paths.map((path, index) => (
        <View key={path} className='suggest-photo'>
          <Photo className='suggest-photo__image' src={path} mode='aspectFill' label={`第${index + 1}张照片`} />
          <BigButton kind='secondary' onClick={() => onChange(paths.filter((p) => p !== path))}>
            {`删掉第${index + 1}张照片`}
          </BigButton>
        </View>
      ))}
      {paths.length < max ? (
        <BigButton kind='secondary' onClick={() => void add()}>
          {paths.length ? '再加一张照片' : '加照片（拍照或从相册选）'}
        </BigButton>
      ) : null}
    </View>
  );
}

/** The answer: the tracking number, big, to quote on the phone, and the number to phone. */
function Submitted({ suggestion, hotline, onAnother }: { suggestion: SuggestionDetail; hotline: string | null; onAnother: () => void }) {
  return (
    <>
      <Notice kind='done'>建议已经提交，老干部局会尽快受理</Notice>
      <View className='tracking'>
        <Text className='tracking__label'>受理编号</Text>
        <Text className='tracking__number'>{suggestion.trackingNo}</Text>
        <Text className='tracking__hint'>请记下这个编号，打电话查询时报给工作人员</Text>
      </View>
      {hotline ? <CallButtons numbers={[hotline]} label='打电话给老干部局' /> : null}
      <BigButton onClick={() => openPage('suggestion', { id: suggestion.id })}>查看办理进度</BigButton>
      <BigButton kind='secondary' onClick={onAnother}>
        再提一条建议
      </BigButton>
    </>
  );
}

function SuggestForm({ form, onSubmitted }: { form: SuggestionFormData; onSubmitted: (detail: SuggestionDetail) => void }) {
  const [category, setCategory] = useState<SuggestionCategory | null>(null);
  const [text, setText] = useState('');
  const [hideName, setHideName] = useState(false);
  const [photos, setPhotos] = useState<string[]>([]);
  const { problem, show, errorOf } = useProblem();
  const [uploading, setUploading] = useState(false);
  const submit = useAction('suggestion', 'submit');

  if (form.remainingToday <= 0) {
    return (
      <>
        <Notice>{ERROR_MESSAGES['SUGGESTION.DAILY_LIMIT']}</Notice>
        <BigButton onClick={() => openPage('suggestions')}>查看我的建议</BigButton>
      </>
    );
  }

  const onSubmit = async () => {
    if (submit.pending || uploading) return;
    show(null);
    submit.clearError();
    if (!category) return show(fieldProblem('category', '请先选一个类别'));
    if (!text.trim()) return show(fieldProblem('text', '请先写下您的建议，这里还是空的'));
    await askForIntent(form.notify ?? { kind: 'askSubscribe', templateIds: [form.subscribeTemplateId] });
    let fileIds: string[] = [];
    if (photos.length) {
      setUploading(true);
      const uploaded = await uploadPhotos(photos, form.photoFolder);
      setUploading(false);
      if (!uploaded.ok) return show(uploaded.error.message);
      fileIds = uploaded.data;
    }
    const result = await submit.run({ category, text: text.trim(), photos: fileIds, hideName });
    if (result?.ok) onSubmitted(result.data);
  };

  const message = problem && !problem.field ? problem.message : (submit.error?.message ?? null);
  return (
    <>
      <ChoiceChips name='category' error={errorOf('category')} label='1. 选一个类别' options={optionsOf(form.categories)} selected={category ? [category] : []} onToggle={setCategory} />
      <TextArea
        name='text'
        error={errorOf('text')}
        label='2. 写下您的建议'
        hint='不会打字的，可以按住下面的“按住说话”说出来，说的话会变成字。'
        value={text}
        maxLength={form.textMax}
        onChange={setText}
      />
      <Photos max={form.photosMax} paths={photos} onChange={setPhotos} />
      <View className='suggest-part'>
        <ChoiceChips
          label={`4. 公开姓名：${hideName ? '否' : '是'}`}
          hint='选了“不公开（匿名）”，办理的工作人员只看到“匿名”，看不到您是谁；老干部局照样会在“我的建议”里答复您。'
          options={NAME_CHOICES}
          selected={[hideName ? 'hide' : 'show']}
          onToggle={(value) => setHideName(value === 'hide')}
        />
      </View>
      {message ? <Notice kind='error'>{message}</Notice> : null}
      <BigButton onClick={() => void onSubmit()}>{uploading ? '正在上传照片…' : submit.pending ? '正在提交…' : '提交建议'}</BigButton>
      <Text className='suggest-quota'>{`每天最多提${form.dailyLimit}条，今天还能提${form.remainingToday}条。`}</Text>
      {form.howTold ? <Text className='suggest-quota'>{form.howTold}</Text> : null}
    </>
  );
}

/** 建言献策: category, words, photos, the name option, one submit button; the answer is the tracking number. */
export default function Suggest() {
  const { loading, error, data, retry } = useCloud('suggestion', 'form', {});
  const [submitted, setSubmitted] = useState<SuggestionDetail | null>(null);
  const another = () => {
    setSubmitted(null);
    retry();
  };
  return (
    <Page>
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {data ? (
          <>
            <ActingBanner name={data.viewer.onBehalf ? data.viewer.memberName : null} doing='提建议' />
            <PageTitle title='建言献策' intro={submitted ? undefined : '有什么意见和建议，写下来交给老干部局。每条都有受理编号，办理进展在“我的建议”里看。'} />
            {submitted ? <Submitted suggestion={submitted} hotline={data.hotline} onAnother={another} /> : <SuggestForm form={data} onSubmitted={setSubmitted} />}
          </>
        ) : null}
      </StatusView>
    </Page>
  );
}
