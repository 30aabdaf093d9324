import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { ChoiceChips, optionsOf } from '../../components/ChoiceChips';
import { LargeTextSwitch } from '../../components/LargeTextSwitch';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { StatusView } from '../../components/StatusView';
import { TextField } from '../../components/TextField';
import { formatDate, genderLabel, memberTypeLabel } from '../../services/format';
import { adoptLargeText } from '../../services/preferences';
import { openPage } from '../../services/routes';
import { useAction } from '../../services/useAction';
import { useCloud } from '../../services/useCloud';
import type { ProfileData } from '../../shared/contracts-member';
import { changesOf, editsOf, type Edits } from './edits';
import './index.scss';

/** 我的资料: the member's own profile (phone unmasked here); only the editable fields can be changed. */
export default function Profile() {
  const { loading, error, data, retry } = useCloud('member', 'profile', {});
  const save = useAction('member', 'updateProfile');
  const [profile, setProfile] = useState<ProfileData | null>(null);
  const [edits, setEdits] = useState<Edits | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (!data) return;
    setProfile(data);
    setEdits(editsOf(data));
    adoptLargeText(data.largeText);
  }, [data]);

  const set = (key: Exclude<keyof Edits, 'skills'>) => (value: string) => {
    setSaved(null);
    setEdits((current) => (current ? { ...current, [key]: value } : current));
  };
  const toggleSkill = (skill: string) => {
    setSaved(null);
    setEdits((current) =>
      current ? { ...current, skills: current.skills.includes(skill) ? current.skills.filter((s) => s !== skill) : [...current.skills, skill] } : current,
    );
  };
  const submit = async () => {
    if (!profile || !edits) return;
    const changes = changesOf(profile, edits);
    if (Object.keys(changes).length === 0) {
      setSaved('没有需要保存的修改');
      return;
    }
    const result = await save.run(changes);
    if (result?.ok) {
      setProfile(result.data);
      setEdits(editsOf(result.data));
      setSaved('已保存');
    }
  };

  const own = profile ? !profile.viewer.onBehalf : false;
  return (
    <Page>
      <StatusView loading={loading} error={error} onRetry={retry}>
        {profile && edits ? (
          <>
            <PageTitle title={own ? '我的资料' : `${profile.name}的资料`} />
            {own ? null : <Notice>{`您正在为${profile.name}代办，修改会记录下来，${profile.name}可以看到。`}</Notice>}
            <Card
              title={profile.name}
              lines={[
                `${memberTypeLabel(profile.memberType) ?? ''}干部 · ${genderLabel(profile.gender)} · ${profile.birthYear}年出生`,
                `原单位：${profile.formerUnit}`,
                profile.partyMember ? '中共党员' : '非党员',
              ]}
            />
            <Text className='profile__note'>上面的信息如需更改，请联系老干部局。下面的信息可以自己修改：</Text>
            <TextField label='电话' numeric maxLength={12} value={edits.phone} onChange={set('phone')} />
            <TextField label='所在乡镇（街道）' value={edits.town} onChange={set('town')} maxLength={30} />
            <TextField label='社区（村）' value={edits.community} onChange={set('community')} maxLength={30} />
            <ChoiceChips
              label='特长'
              hint='点一下选上，再点一下取消'
              options={optionsOf([...new Set([...profile.skillOptions, ...edits.skills])])}
              selected={edits.skills}
              onToggle={toggleSkill}
            />
            <View className='profile__group'>
              <Text className='profile__group-title'>紧急联系人</Text>
              <TextField label='紧急联系人姓名' value={edits.contactName} onChange={set('contactName')} maxLength={20} />
              <TextField label='与您的关系' hint='例如 女儿、儿子、老伴' value={edits.contactRelation} onChange={set('contactRelation')} maxLength={10} />
              <TextField label='紧急联系人电话' numeric maxLength={12} value={edits.contactPhone} onChange={set('contactPhone')} />
            </View>
            {save.error ? <Notice kind='error'>{save.error.message}</Notice> : null}
            {saved ? <Notice kind='done'>{saved}</Notice> : null}
            <BigButton onClick={() => void submit()}>{save.pending ? '正在保存…' : '保存修改'}</BigButton>
            <LargeTextSwitch keep />
            {own && profile.deletion ? (
              <Notice>{`您${formatDate(profile.deletion.requestedAt)}申请了注销账号，已提交，等待工作人员确认。`}</Notice>
            ) : null}
            {own && !profile.deletion ? (
              <BigButton kind='secondary' onClick={() => openPage('deletion')}>
                注销账号
              </BigButton>
            ) : null}
          </>
        ) : null}
      </StatusView>
    </Page>
  );
}
