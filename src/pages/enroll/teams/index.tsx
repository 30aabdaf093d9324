import { ActingScreen } from '../../../components/Loaded';
import { LinkCard } from '../../../components/LinkCard';
import { PageTitle } from '../../../components/PageTitle';
import { holds } from '../../../services/enrollFormat';
import { openPage } from '../../../services/routes';
import { useCloud } from '../../../services/useCloud';
import type { TeamView } from '../../../shared/contracts-enrollment';

function badgeOf(team: TeamView): string | undefined {
  if (holds(team.me)) return team.me.label;
  return team.suggested ? '推荐：和您的特长对得上' : undefined;
}

/** 志愿服务: the teams (those fitting the member's skills first, marked 推荐) and their posts. */
export default function Teams() {
  const state = useCloud('enrollment', 'teams', {});
  return (
    <ActingScreen state={state} refreshOnShow title={<PageTitle title='志愿服务' intro='按自己的特长选一支服务队，再选一个岗位报名。' />}
      empty={(data) => data.teams.length === 0} emptyText='现在还没有服务队'>
      {(data) =>
        data.teams.map((team) => (
          <LinkCard
            key={team.id}
            title={team.name}
            lines={[team.category, `岗位：${team.posts.map((p) => p.name).join('、')}`]}
            badge={badgeOf(team)}
            more='查看岗位和报名'
            onClick={() => openPage('team', { id: team.id })}
          />
        ))
      }
    </ActingScreen>
  );
}
