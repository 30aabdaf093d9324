import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { Figures, type Figure } from '../../../components/Figures';
import { Notice } from '../../../components/Notice';
import { StaffPage } from '../../../components/StaffPage';
import { Loaded } from '../../../components/Loaded';
import { TextArea } from '../../../components/TextArea';
import { formatDateTime } from '../../../services/format';
import { openPage } from '../../../services/routes';
import { useAction } from '../../../services/useAction';
import { useCloud } from '../../../services/useCloud';
import { MEETING_MINUTES_MAX, type MeetingDetail } from '../../../shared/contracts-branch';
import { meetingWhen } from '../meeting-values';
import '../../staff/staff.scss';

/** 会议记录: written after the meeting by the secretary or staff. */
function Minutes({ data, onSaved }: { data: MeetingDetail; onSaved: (detail: MeetingDetail) => void }) {
  const [text, setText] = useState(data.minutes);
  const [saved, setSaved] = useState(false);
  const save = useAction('branch', 'saveMinutes');
  const submit = async () => {
    const answer = await save.run({ meetingId: data.meeting.id, minutes: text });
    if (answer?.ok) {
      setSaved(true);
      onSaved(answer.data);
    }
  };
  return (
    <>
      <TextArea
        label='会议记录'
        value={text}
        onChange={(value) => {
          setText(value);
          setSaved(false);
        }}
        maxLength={MEETING_MINUTES_MAX}
        hint={data.minutesBy && data.minutesAt ? `${data.minutesBy}于${formatDateTime(data.minutesAt)}记录` : '会开完后写：讲了什么、定了什么'}
      />
      {save.error ? <Notice kind='error'>{save.error.message}</Notice> : null}
      {saved ? <Notice kind='done'>会议记录已保存</Notice> : null}
      <BigButton onClick={() => void submit()}>{save.pending ? '正在保存…' : '保存会议记录'}</BigButton>
    </>
  );
}

function Meeting({ data, onSaved }: { data: MeetingDetail; onSaved: (detail: MeetingDetail) => void }) {
  const m = data.meeting;
  const absent = Math.max(0, data.expected - m.attended);
  // 送学上门 is for after the meeting: until it ends, those not yet here may still come
  const ended = Date.parse(m.endAt) < Date.now();
  const deliveries: Figure[] = ended
    ? [{ label: '送学上门待办', value: `${data.deliveries.due}人`, alert: data.deliveries.due > 0, onClick: () => openPage('branchDeliveries', { kind: 'meeting', id: m.id }) }]
    : [];
  return (
    <>
      <Card title={`${m.kindLabel}：${m.title}`} lines={[m.branchName, meetingWhen(m), `地点：${m.place}`, m.status === 'cancelled' ? '这次会议已取消' : null]} />
      <Figures
        items={[
          { label: '应到', value: `${data.expected}人` },
          { label: '已签到', value: `${m.attended}人` },
          { label: ended ? '没来' : '还没到', value: `${absent}人` },
          ...deliveries,
        ]}
      />
      {m.status === 'scheduled' ? <BigButton onClick={() => openPage('checkinBoard', { kind: 'meeting', id: m.id })}>打开签到码（会场扫码或按姓名代签到）</BigButton> : null}
      {ended ? (
        <BigButton kind='secondary' onClick={() => openPage('branchDeliveries', { kind: 'meeting', id: m.id })}>
          {`送学上门名单（待办${data.deliveries.due}人，已办${data.deliveries.done}人）`}
        </BigButton>
      ) : (
        <Notice>会开完后，没来开会、也没读学习资料的党员会列进送学上门名单。</Notice>
      )}
      <Card title='会议议程' lines={data.agenda.split('\n')} />
      {data.material ? <Card title='学习资料' lines={[data.material.title, `已读${data.material.reads}人`]} /> : null}
      <Minutes data={data} onSaved={onSaved} />
      <BigButton kind='secondary' onClick={() => openPage('branchMeetingEdit', { branch: m.branchId, id: m.id })}>
        修改会议安排
      </BigButton>
    </>
  );
}

/** One branch meeting: attendance by check-in, agenda, study material, minutes and the way to 送学上门. */
export default function BranchMeeting() {
  const { params } = useRouter();
  const state = useCloud('branch', 'meeting', { meetingId: params.id ?? '' });
  return (
    <StaffPage title='支部会议' loadError={state.error}>
      <Loaded state={state} refreshOnShow>
        {(data) => <Meeting data={data} onSaved={(detail) => state.update(() => detail)} />}
      </Loaded>
    </StaffPage>
  );
}
