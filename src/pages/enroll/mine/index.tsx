import { ActingScreen } from '../../../components/Loaded';
import { BigButton } from '../../../components/BigButton';
import { LinkCard } from '../../../components/LinkCard';
import { PageTitle } from '../../../components/PageTitle';
import { Section } from '../../../components/Section';
import { friendlyClock, holds, nextStepOf } from '../../../services/enrollFormat';
import { goTo, openPage } from '../../../services/routes';
import { useCloud } from '../../../services/useCloud';
import type { EnrollKind, MineData, MineItem } from '../../../shared/contracts-enrollment';

const DETAIL_ROUTE = { course: 'course', activity: 'activity', association: 'association', team: 'team' } as const satisfies Record<EnrollKind, string>;

function Item({ item }: { item: MineItem }) {
  const next = nextStepOf(item);
  // a place held: the next step already says when and where
  const whenWhere = next === item.me.next;
  return (
    <LinkCard
      title={item.title}
      badge={item.me.label}
      lines={[
        item.kindLabel,
        whenWhere && item.when ? `时间：${friendlyClock(item.when)}` : null,
        whenWhere && item.place ? `地点：${item.place}` : null,
        next ? `下一步：${next}` : null,
      ]}
      more={item.me.canCancel ? '查看详情或取消' : '查看详情'}
      onClick={() => openPage(DETAIL_ROUTE[item.kind], { id: item.targetId })}
    />
  );
}

function MineList({ data }: { data: MineData }) {
  const current = data.items.filter((item) => holds(item.me));
  const past = data.items.filter((item) => !holds(item.me));
  return (
    <>
      <Section title='我现在报着的' emptyText='现在没有报名。可以去选课、报名活动。' count={current.length}>
        {current.map((item) => (
          <Item key={item.enrollmentId} item={item} />
        ))}
      </Section>
      {current.length === 0 ? (
        <>
          <BigButton onClick={() => openPage('courses')}>去老年大学选课</BigButton>
          <BigButton kind='secondary' onClick={() => goTo('activities')}>
            去报名活动
          </BigButton>
        </>
      ) : null}
      {past.length > 0 ? (
        <Section title='已取消或未通过' emptyText='' count={past.length}>
          {past.map((item) => (
            <Item key={item.enrollmentId} item={item} />
          ))}
        </Section>
      ) : null}
    </>
  );
}

/** 我的报名: everything the member (or their helper) signed up for, its status and the next thing to do. */
export default function Mine() {
  const state = useCloud('enrollment', 'mine', {});
  const { data } = state;
  return (
    <ActingScreen
      state={state}
      refreshOnShow
      title={<PageTitle title={data?.viewer.onBehalf ? `${data.viewer.memberName}的报名` : '我的报名'} intro='课程、活动、协会和志愿服务都在这里。点一条可以看详情或取消。' />}
    >
      {(loaded) => <MineList data={loaded} />}
    </ActingScreen>
  );
}
