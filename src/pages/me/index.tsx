import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { LargeTextSwitch } from '../../components/LargeTextSwitch';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PointsSummary } from '../../components/PointsSummary';
import { StatusView } from '../../components/StatusView';
import { memberTypeLabel, roleLabel } from '../../services/format';
import { openPage } from '../../services/routes';
import { followAccountPreferences } from '../../services/preferences';
import { useCloud } from '../../services/useCloud';
import { useRefreshOnShow } from '../../services/useRefreshOnShow';
import type { MeData } from '../../shared/contracts';
import type { AppError } from '../../shared/errors';
import './index.scss';

/** No account yet: confirm who you are, or accept a relative's invitation. */
function Newcomer() {
  return (
    <>
      <Text className='me__name'>您还没有确认身份</Text>
      <Text className='me__text'>第一次使用，请先核对一下您在老干部局登记的姓名和手机号。</Text>
      <BigButton onClick={() => openPage('bind')}>确认身份</BigButton>
      <BigButton kind='secondary' onClick={() => openPage('invite')}>
        我是老人的家人，接受代办邀请
      </BigButton>
    </>
  );
}

/** A helper whose member took the permission back. */
function Revoked({ error }: { error: AppError }) {
  return (
    <>
      <Notice kind='error'>{error.message}</Notice>
      <BigButton kind='secondary' onClick={() => openPage('invite')}>
        输入新的邀请码
      </BigButton>
    </>
  );
}

function Account({ me }: { me: MeData }) {
  const forMember = me.role === 'member' || me.role === 'leader';
  return (
    <>
      <Text className='me__name'>{me.name}</Text>
      <Card
        title={memberTypeLabel(me.memberType) ?? roleLabel(me.role)}
        lines={[
          me.formerUnit ? `原单位：${me.formerUnit}` : null,
          me.town ? `所在乡镇：${me.town}` : null,
          me.phoneMasked ? `手机：${me.phoneMasked}` : null,
        ]}
      />
      {me.points ? <PointsSummary points={me.points} /> : null}
      {me.actingFor ? (
        <View className='me__acting'>
          <Text>{`正在为${me.actingFor.name}代办`}</Text>
        </View>
      ) : null}
      {forMember ? <BigButton onClick={() => openPage('profile')}>我的资料</BigButton> : null}
      {me.actingFor ? <BigButton onClick={() => openPage('profile')}>{`${me.actingFor.name}的资料`}</BigButton> : null}
      {forMember ? (
        <BigButton kind='secondary' onClick={() => openPage('family')}>
          家人代办
        </BigButton>
      ) : null}
      {forMember || me.actingFor ? (
        <BigButton kind='secondary' onClick={() => openPage('mine')}>
          {me.actingFor ? `${me.actingFor.name}的报名` : '我的报名'}
        </BigButton>
      ) : null}
      {forMember || me.actingFor ? (
        <BigButton kind='secondary' onClick={() => openPage('suggestions')}>
          {me.actingFor ? `${me.actingFor.name}的建议` : '我的建议'}
        </BigButton>
      ) : null}
      {forMember || me.actingFor ? (
        <BigButton kind='secondary' onClick={() => openPage('timebank')}>
          {me.actingFor ? `${me.actingFor.name}的志愿时长` : '我的志愿时长'}
        </BigButton>
      ) : null}
      {me.party.inBranch ? (
        <BigButton kind='secondary' onClick={() => openPage('myBranch')}>
          {me.actingFor ? `${me.actingFor.name}的党支部` : '我的党支部'}
        </BigButton>
      ) : null}
      {me.party.secretary ? (
        <BigButton kind='secondary' onClick={() => openPage('branches')}>
          党支部书记：管理本支部
        </BigButton>
      ) : null}
      {me.role === 'leader' ? (
        <BigButton kind='secondary' onClick={() => openPage('checkinTargets')}>
          活动签到码
        </BigButton>
      ) : null}
      {me.role === 'staff' || me.role === 'admin' ? <BigButton onClick={() => openPage('staffHome')}>老干部局工作台</BigButton> : null}
      {me.role === 'leader' || me.role === 'staff' || me.role === 'admin' ? (
        <BigButton kind='secondary' onClick={() => openPage('approvals')}>
          报名审核
        </BigButton>
      ) : null}
    </>
  );
}

export default function Me() {
  const { loading, error, data, retry } = useCloud('member', 'me', {});
  // the account's large text follows the person to this device (once; never made smaller)
  useEffect(() => followAccountPreferences(data?.largeText), [data?.largeText]);
  useRefreshOnShow(retry);
  const special = error?.code === 'AUTH.NOT_MEMBER' || error?.code === 'AUTH.HELPER_REVOKED';
  const keep = Boolean(data && data.role !== 'staff' && data.role !== 'admin');
  return (
    <Page tab='me'>
      {error?.code === 'AUTH.NOT_MEMBER' ? <Newcomer /> : null}
      {error?.code === 'AUTH.HELPER_REVOKED' ? <Revoked error={error} /> : null}
      <StatusView loading={loading && !data} error={special ? null : error} onRetry={retry}>
        {data && !special ? <Account me={data} /> : null}
      </StatusView>
      <View className='me__more'>
        <LargeTextSwitch keep={keep} />
        <BigButton kind='secondary' onClick={() => openPage('help')}>
          使用帮助
        </BigButton>
      </View>
    </Page>
  );
}
