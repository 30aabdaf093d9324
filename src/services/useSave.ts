import { useEffect, useState } from 'react';
import type { ActionName, FunctionName, ResponseOf } from '../shared/contracts';
import type { RequestInput } from '../shared/schemas';
import { showField } from './formFocus';
import { useAction } from './useAction';

/** What stops a form from saving: the field it concerns (shown there) and words that name it. */
export class FormProblem {
  constructor(
    readonly message: string,
    readonly field?: string,
  ) {}
}

/** A problem with one field: the message names the field. */
export const fieldProblem = (field: string, message: string): FormProblem => new FormProblem(message, field);

/** The problem a form shows: by its field (scrolled to and focused) or by the button; errorOf gives a field's. */
export function useProblem() {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (problem?.field) showField(problem.field);
  }, [problem, shown]);
  const show = (next: FormProblem | string | null) => {
    setProblem(typeof next === 'string' ? new FormProblem(next) : next);
    setShown((n) => n + 1);
  };
  /** The error to show by a field, if the problem is that field's. */
  const errorOf = (field: string): string | undefined => (problem?.field === field ? problem.message : undefined);
  return { problem, show, errorOf };
}

/**
 * A form's save: the form turns its draft into a request, or into a problem in plain words (a FormProblem naming its
 * field is shown by that field, which is scrolled to and focused); the saved answer is kept so the screen can show it.
 */
export function useSave<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A) {
  const save = useAction(fn, action);
  const { problem, show, errorOf } = useProblem();
  const [saved, setSaved] = useState<ResponseOf<F, A> | null>(null);
  const submit = async (request: RequestInput<F, A> | FormProblem | string): Promise<void> => {
    if (typeof request === 'string' || request instanceof FormProblem) return show(request);
    show(null);
    const answer = await save.run(request);
    if (answer?.ok) setSaved(answer.data);
  };
  return { save, problem, saved, submit, errorOf };
}
