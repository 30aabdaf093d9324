import type { AppError } from '../../shared/errors';
import type { FormProblem } from '../../services/useSave';
import { BigButton } from '../BigButton';
import { Notice } from '../Notice';

interface SaveButtonProps {
  label: string;
  onClick: () => void;
  pending: boolean;
  /** a problem that names no field (those show by their field) */
  problem: FormProblem | null;
  /** what the cloud answered when the save failed */
  error: AppError | null;
}

/** The one save button at the foot of a form, with the problems that belong to no single field above it. */
export function SaveButton({ label, onClick, pending, problem, error }: SaveButtonProps) {
  return (
    <>
      {problem && !problem.field ? <Notice kind='error'>{problem.message}</Notice> : null}
      {problem?.field ? <Notice kind='error'>{`还不能保存：${problem.message}（见上面标红的一项）`}</Notice> : null}
      {error && !problem ? <Notice kind='error'>{error.message}</Notice> : null}
      <BigButton onClick={onClick}>{pending ? '正在保存…' : label}</BigButton>
    </>
  );
}
