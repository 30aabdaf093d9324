import { ActingScreen } from '../../../components/Loaded';
import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Card } from '../../../components/Card';
import { EnrollPanel } from '../../../components/EnrollPanel';
import { Facts } from '../../../components/Facts';
import { Notice } from '../../../components/Notice';
import { PageTitle } from '../../../components/PageTitle';
import { Section } from '../../../components/Section';
import { holds, seatsText } from '../../../services/enrollFormat';
import { useCloud } from '../../../services/useCloud';
import { teamAfter } from '../../../services/tapAnswer';
import type { PostView, TapAnswer, TeamView } from '../../../shared/contracts-enrollment';
import { postIntent, SIGN_UP_WORDS } from '../../../shared/enroll-intent';

function Post({ team, post, onChanged }: { team: TeamView; post: PostView; onChanged: (answer: TapAnswer) => void }) {
  const mine = holds(team.me) && team.me.postId === post.id;
  return (
    <Card title={post.name} lines={[`职责：${post.duties}`, `名额：${seatsText(post.capacity, post.seatsLeft, post.waitlist)}`]} badge={mine ? team.me.label : undefined}>
      {holds(team.me) ? null : (
        <EnrollPanel
          compact
          me={team.me}
          request={{ kind: 'team', targetId: team.id, postId: post.id }}
          signUpIntent={postIntent(post)}
          signUpText={postIntent(post) === 'signUp' ? `报名当${post.name}` : `${SIGN_UP_WORDS.waitlist}${post.name}`}
          onChanged={onChanged}
        />
      )}
    </Card>
  );
}

function TeamDetail({ team, onChanged }: { team: TeamView; onChanged: (answer: TapAnswer) => void }) {
  const held = team.posts.find((p) => p.id === team.me.postId);
  return (
    <>
      <PageTitle title={team.name} />
      <Text className='enroll-text'>{team.description}</Text>
      <Facts items={[['服务类别', team.category], ['需要的特长', team.skills.join('、')]]} />
      {team.suggested && !holds(team.me) ? <Notice>您登记的特长正合适，推荐您参加</Notice> : null}
      {holds(team.me) ? (
        <EnrollPanel
          me={team.me}
          request={{ kind: 'team', targetId: team.id, postId: team.me.postId ?? undefined }}
          next={held ? `岗位：${held.name}。${team.me.next}` : undefined}
          onChanged={onChanged}
        />
      ) : null}
      <Section title='岗位' emptyText='这支队伍还没有设岗位' count={team.posts.length}>
        {team.posts.map((post) => (
          <Post key={post.id} team={team} post={post} onChanged={onChanged} />
        ))}
      </Section>
    </>
  );
}

/** 服务队详情: posts with their duties and places (分类选岗, 定岗定责); sign up for one post, or withdraw. */
export default function Team() {
  const state = useCloud('enrollment', 'team', { teamId: useRouter().params.id ?? '' });
  return <ActingScreen state={state}>{(data) => <TeamDetail team={data.team} onChanged={(answer) => state.update((d) => ({ ...d, team: teamAfter(d.team, answer) }))} />}</ActingScreen>;
}
