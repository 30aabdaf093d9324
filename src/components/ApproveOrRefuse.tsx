import { useState } from 'react';
import { BigButton } from './BigButton';
import { Notice } from './Notice';
import { TextField } from './TextField';

interface ApproveOrRefuseProps {
  /** e.g. 同意, 同意，登记入册 */
  approveLabel: string;
  /** the reason's label, e.g. 不同意的原因（本人会看到） */
  reasonLabel: string;
  reasonMax: number;
  /** the reason must be given (then an empty one is asked for in plain words) */
  reasonRequired?: boolean;
  approving: boolean;
  refusing: boolean;
  onApprove: () => void;
  /** the reason as written, trimmed ('' when none) */
  onRefuse: (reason: string) => void;
}

/** A request's decision in place (no pop-up): 同意, or 不同意 which asks for the reason first, with 返回. */
export function ApproveOrRefuse({ approveLabel, reasonLabel, reasonMax, reasonRequired = false, approving, refusing, onApprove, onRefuse }: ApproveOrRefuseProps) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const refuse = () => {
    const text = reason.trim();
    setReasonMissing(reasonRequired && !text);
    if (reasonRequired && !text) return;
    onRefuse(text);
  };
  if (!asking) {
    return (
      <>
        <BigButton onClick={onApprove}>{approving ? '正在处理…' : approveLabel}</BigButton>
        <BigButton kind='secondary' onClick={() => setAsking(true)}>
          不同意
        </BigButton>
      </>
    );
  }
  return (
    <>
      <TextField label={reasonLabel} value={reason} onChange={setReason} maxLength={reasonMax} />
      {reasonMissing ? <Notice kind='error'>请写上不同意的原因</Notice> : null}
      <BigButton onClick={refuse}>{refusing ? '正在处理…' : '确定不同意'}</BigButton>
      <BigButton kind='secondary' onClick={() => setAsking(false)}>
        返回
      </BigButton>
    </>
  );
}
