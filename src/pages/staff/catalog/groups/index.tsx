import { BigButton } from '../../../../components/BigButton';
import { LinkCard } from '../../../../components/LinkCard';
import { Section } from '../../../../components/Section';
import { staffScreen } from '../../../../components/StaffPage';
import { Loaded } from '../../../../components/Loaded';
import { openPage } from '../../../../services/routes';
import { useCloud } from '../../../../services/useCloud';
import { placesLine } from '../../form-values';
import '../../staff.scss';

function Groups() {
  const state = useCloud('staff', 'catalog', {});
  return (
    <Loaded state={state} refreshOnShow>
      {(data) => (
        <>
          <Section title='协会' emptyText='还没有协会' count={data.associations.length}>
            {data.associations.map((a) => (
              <LinkCard
                key={a.id}
                title={a.name}
                lines={[`会长：${a.leaderName}`, `会员${a.memberCount}人 · ${a.joinMode === 'approval' ? '入会要审核' : '报名即入会'}`]}
                more='修改或看名单'
                onClick={() => openPage('staffAssociationEdit', { id: a.id })}
              />
            ))}
          </Section>
          <BigButton onClick={() => openPage('staffAssociationEdit')}>发布新协会</BigButton>
          <Section title='志愿服务队' emptyText='还没有志愿服务队' count={data.teams.length}>
            {data.teams.map((t) => (
              <LinkCard
                key={t.id}
                title={`${t.name}（${t.category}）`}
                lines={t.posts.map((p) => `${p.name}：${placesLine({ seats: p.capacity, placed: p.placed, waitlisted: p.waitlisted })}`)}
                more='修改岗位或看名单'
                onClick={() => openPage('staffTeamEdit', { id: t.id })}
              />
            ))}
          </Section>
          <BigButton onClick={() => openPage('staffTeamEdit')}>发布新服务队</BigButton>
        </>
      )}
    </Loaded>
  );
}

/** 协会与志愿服务队: every association and team (with posts and places), the way to publish, edit and see rosters. */
export default staffScreen({ title: '协会与志愿服务队', intro: '点一个协会或服务队可以修改，或查看名单。' }, Groups);
