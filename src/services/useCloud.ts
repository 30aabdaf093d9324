import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../shared/contracts';
import type { AppError } from '../shared/errors';
import { call } from './cloud';
import { RefusalContext } from './refusal';

export interface CloudState<T> {
  loading: boolean;
  error: AppError | null;
  data: T | null;
  retry: () => void;
}

/** One screen, one cloud call: loads on mount and again on retry(). */
export function useCloud<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: RequestOf<F, A>,
): CloudState<ResponseOf<F, A>> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<CloudState<ResponseOf<F, A>>, 'retry'>>({ loading: true, error: null, data: null });
  const payloadKey = JSON.stringify(payload);
  const latest = useRef(0);
  const refused = useContext(RefusalContext);

  useEffect(() => {
    const id = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    void call(fn, action, JSON.parse(payloadKey) as RequestOf<F, A>).then((result) => {
      if (id !== latest.current) return;
      if (!result.ok) refused?.(result.error);
      setState(result.ok ? { loading: false, error: null, data: result.data } : { loading: false, error: result.error, data: null });
    });
  }, [fn, action, payloadKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
