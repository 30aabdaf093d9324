import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ActingBanner } from '../../components/ActingBanner';
import { BigButton } from '../../components/BigButton';
import { Facts } from '../../components/Facts';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { Photo } from '../../components/Photo';
import { Section } from '../../components/Section';
import { StatusView } from '../../components/StatusView';
import { SuggestionSteps, SuggestionTimeline } from '../../components/SuggestionProgress';
import { formatDateTime } from '../../services/format';
import { goBack } from '../../services/routes';
import { useCloud } from '../../services/useCloud';
import { useRefreshOnShow } from '../../services/useRefreshOnShow';
import type { SuggestionDetail } from '../../shared/contracts-suggestion';
import './suggestion.scss';

/** The bureau's answer: the outcome (已采纳 / 未采纳) once concluded, and the latest reply. */
function Answer({ suggestion }: { suggestion: SuggestionDetail }) {
  if (!suggestion.reply && !suggestion.outcomeLabel) return null;
  return (
    <View className='suggest-result'>
      {suggestion.outcomeLabel ? <Text className='suggest-result__outcome'>{`办理结果：${suggestion.statusLabel}，${suggestion.outcomeLabel}`}</Text> : null}
      {suggestion.reply ? (
        <>
          <Text className='suggest-result__label'>老干部局的答复</Text>
          <Text className='suggest-result__reply'>{suggestion.reply}</Text>
        </>
      ) : null}
    </View>
  );
}

function SuggestionView({ suggestion }: { suggestion: SuggestionDetail }) {
  return (
    <>
      <PageTitle title={`建议 ${suggestion.trackingNo}`} intro={`现在：${suggestion.statusLabel}${suggestion.outcomeLabel ? `，${suggestion.outcomeLabel}` : ''}`} />
      <Answer suggestion={suggestion} />
      <Section title='办理进度' emptyText='' count={suggestion.progress.length}>
        <SuggestionSteps progress={suggestion.progress} />
      </Section>
      <Section title='我提的建议' emptyText='' count={1}>
        <Facts
          items={[
            ['受理编号', suggestion.trackingNo],
            ['类别', suggestion.category],
            ['提交时间', formatDateTime(suggestion.submittedAt)],
            ['办理单位', suggestion.department],
            ['姓名', suggestion.hideName ? '不公开（工作人员看到的是“匿名”）' : '公开'],
          ]}
        />
        <Text className='suggest-text'>{suggestion.text}</Text>
        {suggestion.photos
          .filter((photo) => photo.url)
          .map((photo, index) => (
            <Photo key={photo.fileId} className='suggest-photo__image suggest-photo' src={photo.url} label={`第${index + 1}张照片`} />
          ))}
      </Section>
      <Section title='办理记录' emptyText='' count={suggestion.timeline.length}>
        <SuggestionTimeline timeline={suggestion.timeline} />
      </Section>
      <BigButton kind='secondary' onClick={() => goBack('suggestions')}>
        返回我的建议
      </BigButton>
    </>
  );
}

/** 建议详情: where it stands (已提交 → 已受理 → 办理中 → 已办结), who did what when, and the bureau's reply. */
export default function SuggestionDetailPage() {
  const { params } = useRouter();
  const { loading, error, data, retry } = useCloud('suggestion', 'detail', { suggestionId: params.id ?? '' });
  useRefreshOnShow(retry);
  return (
    <Page>
      <ActingBanner name={data?.actingFor?.name} doing='查看建议' />
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {data ? <SuggestionView suggestion={data} /> : null}
      </StatusView>
    </Page>
  );
}
