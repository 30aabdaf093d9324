import { useEffect, useState } from 'react';
import { Card } from '../../../components/Card';
import { SaveButton } from '../../../components/form/SaveButton';
import { TextArea } from '../../../components/TextArea';
import { formatDateTime } from '../../../services/format';
import { fieldProblem, useSave } from '../../../services/useSave';
import type { CallRow } from '../../../shared/contracts-hotline';

function followUpLine(call: CallRow): string | null {
  if (call.followUp === 'open') return '要回访：还没办';
  if (call.followUp === 'done') return `已回访（${call.followUpDoneBy ?? ''}，${call.followUpDoneAt ? formatDateTime(call.followUpDoneAt) : ''}）：${call.followUpNote}`;
  return null;
}

/** What staff write when the follow-up is made: it then leaves the open list. */
function FollowUpForm({ call, onDone }: { call: CallRow; onDone: () => void }) {
  const [note, setNote] = useState('');
  const { save, problem, saved, submit, errorOf } = useSave('hotline', 'followUpDone');
  const field = `note-${call.id}`;
  useEffect(() => {
    if (saved) onDone();
  }, [saved, onDone]);
  const send = () => submit(note.trim() ? { callId: call.id, note: note.trim() } : fieldProblem(field, '回访情况：请写上怎么回访的，例如“已回电说明开课时间”'));
  return (
    <>
      <TextArea name={field} error={errorOf(field)} label='回访情况' value={note} onChange={setNote} maxLength={500} />
      <SaveButton label='回访办完了' onClick={() => void send()} pending={save.pending} problem={problem} error={save.error} />
    </>
  );
}

/** One call as staff read it: when, about what, who called, what they said, the answer, the follow-up. */
export function CallCard({ call, onFollowUpDone }: { call: CallRow; onFollowUpDone?: () => void }) {
  const caller = call.memberId ? call.callerName : `${call.callerName || '来电人'}（${call.callerPhone ?? ''}，不在花名册上）`;
  return (
    <Card
      title={`${formatDateTime(call.calledAt)} · ${call.topicLabel}`}
      lines={[`来电：${caller}`, `内容：${call.text}`, `答复：${call.outcomeLabel}`, followUpLine(call), `记录人：${call.byName}`]}
      badge={call.followUp === 'open' ? '待回访' : undefined}
    >
      {call.followUp === 'open' && onFollowUpDone ? <FollowUpForm call={call} onDone={onFollowUpDone} /> : null}
    </Card>
  );
}
