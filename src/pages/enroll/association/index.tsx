import { ActingScreen } from '../../../components/Loaded';
import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { EnrollPanel } from '../../../components/EnrollPanel';
import { Facts } from '../../../components/Facts';
import { PageTitle } from '../../../components/PageTitle';
import { joinModeText } from '../../../services/enrollFormat';
import { useCloud } from '../../../services/useCloud';
import { associationAfter } from '../../../services/tapAnswer';
import type { AssociationView, TapAnswer } from '../../../shared/contracts-enrollment';

function AssociationDetail({ association, onChanged }: { association: AssociationView; onChanged: (answer: TapAnswer) => void }) {
  return (
    <>
      <PageTitle title={association.name} />
      <Text className='enroll-text'>{association.purpose}</Text>
      <Facts
        items={[
          ['负责人', association.leaderName],
          ['活动时间', association.meetingSchedule],
          ['会员人数', `${association.memberCount}人`],
          ['怎么加入', joinModeText(association)],
        ]}
      />
      <EnrollPanel me={association.me} request={{ kind: 'association', targetId: association.id }} onChanged={onChanged} />
    </>
  );
}

/** 协会详情: purpose, leader, meetings, members; join (or ask to) and leave. */
export default function Association() {
  const state = useCloud('enrollment', 'association', { associationId: useRouter().params.id ?? '' });
  return <ActingScreen state={state}>{(data) => <AssociationDetail association={data.association} onChanged={(answer) => state.update((d) => ({ ...d, association: associationAfter(d.association, answer) }))} />}</ActingScreen>;
}
