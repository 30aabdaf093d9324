import { useState } from 'react';
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../shared/contracts';
import { useAction } from './useAction';

/**
 * A form's save: the form turns its draft into a request, or into a problem to show in plain words; the saved
 * answer is kept so the screen can show what was saved.
 */
export function useSave<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A) {
  const save = useAction(fn, action);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<ResponseOf<F, A> | null>(null);
  const submit = async (request: RequestOf<F, A> | string): Promise<void> => {
    if (typeof request === 'string') return setProblem(request);
    setProblem(null);
    const answer = await save.run(request);
    if (answer?.ok) setSaved(answer.data);
  };
  return { save, problem, saved, submit };
}
