import { useCallback, useState } from 'react';

/** A list's filter (status, category…) and page: choosing another filter goes back to page 1. */
export function useFilterPage<F>(initial: F): { filter: F; page: number; setPage: (page: number) => void; choose: (filter: F) => void } {
  const [filter, setFilter] = useState<F>(initial);
  const [page, setPage] = useState(1);
  const choose = useCallback((next: F) => {
    setFilter(next);
    setPage(1);
  }, []);
  return { filter, page, setPage, choose };
}
