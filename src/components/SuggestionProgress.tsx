import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../services/format';
import type { SuggestionDetail, TimelineEntry } from '../shared/contracts-suggestion';
import './SuggestionProgress.scss';

/** The four stages (已提交 → 已受理 → 办理中 → 已办结), each marked 已到 with its date or 还没到 in words. */
export function SuggestionSteps({ progress }: { progress: SuggestionDetail['progress'] }) {
  return (
    <View className='steps' role='list' aria-label='办理进度'>
      {progress.map((stage, index) => (
        <View key={stage.status} className={stage.reachedAt ? 'steps__item steps__item--done' : 'steps__item'} role='listitem'>
          <Text className='steps__mark'>{stage.reachedAt ? '✓' : String(index + 1)}</Text>
          <View className='steps__body'>
            <Text className='steps__label'>{stage.label}</Text>
            <Text className='steps__when'>{stage.reachedAt ? formatDateTime(stage.reachedAt) : '还没到这一步'}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

function who(entry: TimelineEntry): string {
  if (entry.byRole === 'staff' || entry.byRole === 'admin') return `${entry.byName}（老干部局）`;
  if (entry.byRole === 'helper') return `${entry.byName}（家属代办）`;
  return entry.byName;
}

/** Every step as it happened, oldest first: what, who and when, and the note (department, reply). */
export function SuggestionTimeline({ timeline }: { timeline: readonly TimelineEntry[] }) {
  return (
    <View className='timeline' role='list' aria-label='办理记录'>
      {timeline.map((entry) => (
        <View key={`${entry.step}-${entry.at}`} className='timeline__item' role='listitem'>
          <Text className='timeline__what'>{`${entry.stepLabel}（${entry.statusLabel}）`}</Text>
          <Text className='timeline__line'>{`${formatDateTime(entry.at)}，${who(entry)}`}</Text>
          {entry.note ? <Text className='timeline__note'>{entry.step === 'assign' ? `交给：${entry.note}` : entry.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
