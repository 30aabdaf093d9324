import { BigButton } from './BigButton';

interface MorePagesProps {
  page: number;
  pageSize: number;
  total: number;
  /** what the list holds, e.g. 通知, 建议 */
  noun: string;
  onPage: (page: number) => void;
}

/** A member's list read newest first: 看更早的… for the next page, 回到第一页 once past the first. */
export function MorePages({ page, pageSize, total, noun, onPage }: MorePagesProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      {page < pages ? (
        <BigButton kind='secondary' onClick={() => onPage(page + 1)}>
          {`看更早的${noun}（第${page + 1}页，共${pages}页）`}
        </BigButton>
      ) : null}
      {page > 1 ? (
        <BigButton kind='secondary' onClick={() => onPage(1)}>
          回到第一页
        </BigButton>
      ) : null}
    </>
  );
}
