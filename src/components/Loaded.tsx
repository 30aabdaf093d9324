import type { ReactNode } from 'react';
import type { CloudState } from '../services/useCloud';
import { useRefreshOnShow } from '../services/useRefreshOnShow';
import { ActingBanner } from './ActingBanner';
import { Page } from './Page';
import { StatusView } from './StatusView';

interface LoadedProps<T> {
  state: CloudState<T>;
  /** true when the answer has nothing to show; emptyText says so */
  empty?: (data: T) => boolean;
  emptyText?: string;
  /** a tab or list screen: load again each time it comes back into view */
  refreshOnShow?: boolean;
  /** the screen's body, once its answer is in */
  children: (data: T) => ReactNode;
}

/** A screen's one call: loading, error (with 重试) and empty states, then the body drawn from the answer. */
export function Loaded<T>({ state, empty, emptyText, refreshOnShow = false, children }: LoadedProps<T>) {
  const { loading, error, data, retry } = state;
  useRefreshOnShow(() => {
    if (refreshOnShow) retry();
  });
  return (
    <StatusView loading={loading && !data} error={error} onRetry={retry} empty={data ? empty?.(data) : false} emptyText={emptyText}>
      {data ? children(data) : null}
    </StatusView>
  );
}

interface ActingScreenProps<T> extends LoadedProps<T> {
  /** the page title, between the banner and the body */
  title?: ReactNode;
  /** what the helper does for the member (正在为…报名 / 学习) */
  doing?: string;
}

/** A member screen a helper may use for the member: the 正在为…报名 banner, then the loaded body. */
export function ActingScreen<T extends { actingFor?: { name: string } | null }>({ title, doing, ...loaded }: ActingScreenProps<T>) {
  return (
    <Page>
      <ActingBanner name={loaded.state.data?.actingFor?.name} doing={doing} />
      {title}
      <Loaded {...loaded} />
    </Page>
  );
}
