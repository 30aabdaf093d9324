import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { BigButton } from '../../components/BigButton';
import { ChoiceChips } from '../../components/ChoiceChips';
import { ConsentText } from '../../components/ConsentText';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { TextField } from '../../components/TextField';
import { ROUTES } from '../../services/routes';
import { useAction } from '../../services/useAction';
import { CONSENT } from '../../shared/consent';
import type { ReviewRequest } from '../../shared/contracts-member';

const MEMBER_TYPES = [
  { value: 'tuixiu', label: '退休' },
  { value: 'lixiu', label: '离休' },
];
const GENDERS = [
  { value: 'male', label: '男' },
  { value: 'female', label: '女' },
];
const PARTY = [
  { value: 'yes', label: '是党员' },
  { value: 'no', label: '不是党员' },
];

type Form = Record<'name' | 'memberType' | 'gender' | 'birthYear' | 'formerUnit' | 'town' | 'community' | 'party' | 'phone', string>;

function requestOf(form: Form): ReviewRequest {
  const trimmed = (value: string) => value.trim();
  return {
    consentVersion: CONSENT.version,
    name: trimmed(form.name),
    memberType: form.memberType as ReviewRequest['memberType'],
    gender: form.gender as ReviewRequest['gender'],
    birthYear: Number(form.birthYear),
    formerUnit: trimmed(form.formerUnit),
    town: trimmed(form.town),
    ...(trimmed(form.community) ? { community: trimmed(form.community) } : {}),
    ...(form.party ? { partyMember: form.party === 'yes' } : {}),
    phone: trimmed(form.phone),
  };
}

/** The first required answer still missing, in the order of the screen. */
function missingOf(form: Form): string | null {
  const required: Array<[keyof Form, string]> = [
    ['name', '请填写姓名'],
    ['memberType', '请选择离休或退休'],
    ['gender', '请选择性别'],
    ['birthYear', '请填写出生年份'],
    ['formerUnit', '请填写原单位'],
    ['town', '请填写所在乡镇（街道）'],
    ['phone', '请填写电话'],
  ];
  return required.find(([key]) => !form[key].trim())?.[1] ?? null;
}

/** 入册申请: someone not on the roster asks the bureau to add them; one submit, then staff review it. */
export default function Review() {
  const { params } = useRouter();
  const [form, setForm] = useState<Form>({
    name: decodeURIComponent(params.name ?? ''),
    memberType: '',
    gender: '',
    birthYear: '',
    formerUnit: '',
    town: '',
    community: '',
    party: '',
    phone: '',
  });
  const [missing, setMissing] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const send = useAction('member', 'requestReview');
  const set = (key: keyof Form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  const pick = (key: keyof Form) => (value: string) => setForm((current) => ({ ...current, [key]: current[key] === value ? '' : value }));

  const submit = async () => {
    const gap = missingOf(form);
    setMissing(gap);
    if (gap) return;
    const result = await send.run(requestOf(form));
    if (result?.ok) setDone(true);
  };

  if (done) {
    return (
      <Page>
        <PageTitle title='申请登记' />
        <Notice kind='done'>已提交，等待工作人员审核。审核通过后，再打开小程序就能使用了。</Notice>
        <BigButton onClick={() => void Taro.reLaunch({ url: ROUTES.home })}>回到首页</BigButton>
      </Page>
    );
  }
  return (
    <Page>
      <PageTitle title='申请登记' intro='老干部局的名册里没有找到您时，请填写下面的信息，工作人员核实后会为您登记。' />
      <ConsentText consent={CONSENT} />
      <TextField label='姓名' value={form.name} onChange={set('name')} maxLength={20} />
      <ChoiceChips label='离休还是退休' options={MEMBER_TYPES} selected={[form.memberType]} onToggle={pick('memberType')} />
      <ChoiceChips label='性别' options={GENDERS} selected={[form.gender]} onToggle={pick('gender')} />
      <TextField label='出生年份' hint='例如 1948' numeric maxLength={4} value={form.birthYear} onChange={set('birthYear')} />
      <TextField label='原单位' hint='退休前所在的单位' value={form.formerUnit} onChange={set('formerUnit')} maxLength={50} />
      <TextField label='所在乡镇（街道）' value={form.town} onChange={set('town')} maxLength={30} />
      <TextField label='社区（村）' hint='可以不填' value={form.community} onChange={set('community')} maxLength={30} />
      <ChoiceChips label='是否党员' options={PARTY} selected={[form.party]} onToggle={pick('party')} />
      <TextField label='电话' hint='11位手机号，或带区号的座机号' numeric maxLength={12} value={form.phone} onChange={set('phone')} />
      {missing || send.error ? <Notice kind='error'>{missing ?? send.error?.message ?? ''}</Notice> : null}
      <BigButton onClick={() => void submit()}>{send.pending ? '正在提交…' : '同意并提交申请'}</BigButton>
    </Page>
  );
}
