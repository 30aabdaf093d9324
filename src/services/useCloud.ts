import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ActionName, FunctionName, ResponseOf } from '../shared/contracts';
import type { RequestInput } from '../shared/schemas';
import type { AppError } from '../shared/errors';
import { EARLY_ANSWER_HOLD_MS } from '../shared/h5-shell';
import type { Result } from '../shared/result';
import { call } from './cloud';
import { RefusalContext } from './refusal';
import { isPrefetching, keepAnswer, keptAnswer, screenKey, takeAnswered, takePrefetched } from './screenCache';

export interface CloudState<T> {
  loading: boolean;
  error: AppError | null;
  data: T | null;
  /** data is the answer kept from last time, shown while the fresh one is on its way */
  refreshing: boolean;
  /**
   * nothing to draw yet: a call started before the page existed (H5 home) is expected any moment; the screen draws
   * nothing rather than 正在加载… for an instant, then draws once, with the answer (or 正在加载… after EARLY_ANSWER_HOLD_MS)
   */
  holding: boolean;
  retry: () => void;
}

export interface Updatable<T> {
  /** changes the data in place from an answer already in hand (a tap's), without calling again */
  update: (change: (data: T) => T) => void;
}

export interface CloudOptions {
  /** keep the last answer on the device and show it at once next time (member screens that open first) */
  keep?: boolean;
}

/** H5: after the next frame is painted; the weapp paints in its own thread, so at once. */
function afterPaint(): Promise<void> | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** One screen, one cloud call: loads on mount and again on retry(). */
export function useCloud<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: RequestInput<F, A>,
  options: CloudOptions = {},
): CloudState<ResponseOf<F, A>> & Updatable<ResponseOf<F, A>> {
  const [attempt, setAttempt] = useState(0);
  const payloadKey = JSON.stringify(payload);
  const key = screenKey(fn, action, payloadKey);
  const keep = options.keep === true;
  // a call started before the page existed (home) may be answered already: then its answer is drawn at once
  const [ready] = useState(() => takeAnswered<ResponseOf<F, A>>(key));
  const [state, setState] = useState<Omit<CloudState<ResponseOf<F, A>>, 'retry'>>(() => {
    if (ready !== null) return { loading: false, error: null, data: ready, refreshing: false, holding: false };
    const kept = keep ? keptAnswer<ResponseOf<F, A>>(key) : null;
    return { loading: true, error: null, data: kept, refreshing: kept !== null, holding: kept === null && isPrefetching(key) };
  });
  const answeredOnMount = useRef(ready !== null);
  const latest = useRef(0);
  // the kept answer is on screen: the fresh one waits until that screen has painted (it may already be here)
  const keptShown = useRef(state.refreshing);
  const refused = useContext(RefusalContext);

  useEffect(() => {
    const id = ++latest.current;
    if (answeredOnMount.current) {
      answeredOnMount.current = false;
      if (keep && ready !== null) keepAnswer(key, ready);
      return;
    }
    // on mount it is loading already: the same state, so no second render of the whole screen
    setState((s) => (s.loading && s.error === null ? s : { ...s, loading: true, error: null }));
    const hold = setTimeout(() => setState((s) => (s.holding ? { ...s, holding: false } : s)), EARLY_ANSWER_HOLD_MS);
    const started = (takePrefetched(key) as Promise<Result<ResponseOf<F, A>>> | null) ?? call(fn, action, JSON.parse(payloadKey) as RequestInput<F, A>);
    const painted = keptShown.current ? afterPaint() : null;
    keptShown.current = false;
    void Promise.all([started, painted]).then(([result]) => {
      if (id !== latest.current) return;
      if (!result.ok) refused?.(result.error);
      if (result.ok && keep) keepAnswer(key, result.data);
      setState(
        result.ok
          ? { loading: false, error: null, data: result.data, refreshing: false, holding: false }
          : { loading: false, error: result.error, data: null, refreshing: false, holding: false },
      );
    });
    return () => clearTimeout(hold);
  }, [fn, action, payloadKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback(
    (change: (data: ResponseOf<F, A>) => ResponseOf<F, A>) => setState((s) => (s.data === null ? s : { ...s, data: change(s.data) })),
    [],
  );
  return { ...state, retry, update };
}
