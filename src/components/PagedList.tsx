import type { ReactNode } from 'react';
import type { CloudState } from '../services/useCloud';
import { Pager } from './Pager';
import { StatusView } from './StatusView';

interface PagedListProps<T> {
  state: CloudState<{ items: T[]; page: number; pageSize: number; total: number }>;
  onPage: (page: number) => void;
  emptyText: string;
  /** one item, with its key */
  renderItem: (item: T) => ReactNode;
}

/** One page of a list loaded by useCloud: loading, error and empty states, the items, then the pager. */
export function PagedList<T>({ state, onPage, emptyText, renderItem }: PagedListProps<T>) {
  const { loading, error, data, retry } = state;
  return (
    <StatusView loading={loading && !data} error={error} onRetry={retry} empty={data?.items.length === 0} emptyText={emptyText}>
      {data?.items.map(renderItem)}
      {data ? <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={onPage} /> : null}
    </StatusView>
  );
}
