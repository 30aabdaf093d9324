import { ActingScreen } from '../../../components/Loaded';
import { LinkCard } from '../../../components/LinkCard';
import { PageTitle } from '../../../components/PageTitle';
import { holds, joinModeText } from '../../../services/enrollFormat';
import { openPage } from '../../../services/routes';
import { useCloud } from '../../../services/useCloud';

/** 协会: every association, with the member's own standing on each. */
export default function Associations() {
  const state = useCloud('enrollment', 'associations', {});
  return (
    <ActingScreen state={state} refreshOnShow title={<PageTitle title='协会' intro='找到感兴趣的协会，点进去就能加入。' />}
      empty={(data) => data.associations.length === 0} emptyText='现在还没有协会'>
      {(data) =>
        data.associations.map((association) => (
          <LinkCard
            key={association.id}
            title={association.name}
            lines={[`负责人：${association.leaderName}　会员${association.memberCount}人`, joinModeText(association)]}
            badge={holds(association.me) ? association.me.label : undefined}
            more='查看详情和加入'
            onClick={() => openPage('association', { id: association.id })}
          />
        ))
      }
    </ActingScreen>
  );
}
