import { useCallback, useRef, useState } from 'react';
import type { ActionName, FunctionName, ResponseOf } from '../shared/contracts';
import type { RequestInput } from '../shared/schemas';
import type { AppError } from '../shared/errors';
import { KEYED_CREATES, newRequestKey } from '../shared/request-key';
import type { Result } from '../shared/result';
import { call } from './cloud';

export interface ActionState<F extends FunctionName, A extends ActionName<F>> {
  /** true while the call runs: a second tap is ignored */
  pending: boolean;
  error: AppError | null;
  run: (payload: RequestInput<F, A>) => Promise<Result<ResponseOf<F, A>> | null>;
  clearError: () => void;
}

/** One write a screen makes on a tap (bind, save, accept ...): no double submits, the error kept to show inline. */
export function useAction<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A): ActionState<F, A> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const busy = useRef(false);
  // a create's idempotency key: kept across failed tries, renewed after a success
  const requestKey = useRef<string | null>(null);
  const run = useCallback(
    async (payload: RequestInput<F, A>) => {
      if (busy.current) return null;
      busy.current = true;
      setPending(true);
      setError(null);
      const keyed = KEYED_CREATES.has(`${fn}.${action}`);
      if (keyed && !requestKey.current) requestKey.current = newRequestKey();
      const sent = keyed ? ({ ...(payload as object), requestKey: requestKey.current } as RequestInput<F, A>) : payload;
      const result = await call(fn, action, sent);
      if (keyed && result.ok) requestKey.current = null;
      busy.current = false;
      setPending(false);
      if (!result.ok) setError(result.error);
      return result;
    },
    [fn, action],
  );
  const clearError = useCallback(() => setError(null), []);
  return { pending, error, run, clearError };
}
