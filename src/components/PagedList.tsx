import type { ReactNode } from 'react';
import { ChoiceChips, type Choice } from './ChoiceChips';
import type { CloudState } from '../services/useCloud';
import type { Paged } from '../shared/primitives';
import { Pager } from './Pager';
import { StatusView } from './StatusView';

interface PagedListProps<T> {
  state: CloudState<Paged<T>>;
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

interface FilteredListProps<T, F extends string> extends PagedListProps<T> {
  /** the chips' label, e.g. 显示 */
  label: string;
  options: ReadonlyArray<Choice<F>>;
  /** the filter chosen (useFilterPage) */
  selected: F;
  onChoose: (value: F) => void;
  /** shown between the chips and the list (e.g. a warning about overdue items) */
  children?: ReactNode;
}

/** A staff list screen's body: one-choice filter chips above the paged list. */
export function FilteredList<T, F extends string>({ label, options, selected, onChoose, children, ...list }: FilteredListProps<T, F>) {
  return (
    <>
      <ChoiceChips label={label} options={options} selected={[selected]} onToggle={onChoose} />
      {children}
      <PagedList {...list} />
    </>
  );
}
