import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../components/BigButton';
import { ConsentText } from '../../components/ConsentText';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { TextField } from '../../components/TextField';
import { formatValidUntil } from '../../services/format';
import { restartAtMe } from '../../services/routes';
import { useAction } from '../../services/useAction';
import { CONSENT } from '../../shared/consent';
import type { InvitationPreviewData } from '../../shared/contracts-member';
import { codeFromQuery } from './code';

/**
 * 接受邀请: a relative checks who invited them (code from the scanned mini-program code, a link, or typed),
 * reads the consent text, gives their name and relation, and accepts with one button.
 */
export default function Invite() {
  const { params } = useRouter();
  const [code, setCode] = useState(() => codeFromQuery(params));
  const [invitation, setInvitation] = useState<{ code: string; data: InvitationPreviewData } | null>(null);
  const [name, setName] = useState('');
  const [relation, setRelation] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const preview = useAction('member', 'invitation');
  const accept = useAction('member', 'acceptInvitation');

  const look = async (value: string) => {
    if (!value.trim()) {
      setMissing('请填写邀请码');
      return;
    }
    setMissing(null);
    const result = await preview.run({ code: value });
    if (result?.ok) setInvitation({ code: value, data: result.data });
  };
  useEffect(() => {
    if (code) void look(code);
  }, []); // only the code the page was opened with

  const submit = async () => {
    if (!invitation) return;
    setMissing(name.trim() ? null : '请填写您的姓名');
    if (!name.trim()) return;
    const result = await accept.run({
      code: invitation.code,
      consentVersion: CONSENT.version,
      name: name.trim(),
      ...(relation.trim() ? { relation: relation.trim() } : {}),
    });
    if (result?.ok) restartAtMe();
  };

  if (!invitation) {
    return (
      <Page>
        <PageTitle title='接受邀请' intro='老人在“家人代办”里生成邀请码后，请把8位邀请码填在这里。' />
        <TextField label='邀请码' hint='8位字母和数字' maxLength={10} value={code} onChange={setCode} />
        {missing || preview.error ? <Notice kind='error'>{missing ?? preview.error?.message ?? ''}</Notice> : null}
        <BigButton onClick={() => void look(code)}>{preview.pending ? '正在查找…' : '下一步'}</BigButton>
      </Page>
    );
  }
  const inviter = invitation.data.memberName;
  return (
    <Page>
      <PageTitle title='接受邀请' intro={`${inviter}邀请您为他（她）代办：替${inviter}报名、取消报名、看通知和提建议。`} />
      <Notice>{`邀请人：${inviter}。这个邀请${formatValidUntil(invitation.data.expiresAt)}。`}</Notice>
      <ConsentText consent={CONSENT} />
      <TextField label='您的姓名' hint={`${inviter}会看到您的名字`} value={name} onChange={setName} maxLength={20} />
      <TextField label='您和老人的关系' hint='例如 女儿、儿子、儿媳' value={relation} onChange={setRelation} maxLength={10} />
      {missing || accept.error ? <Notice kind='error'>{missing ?? accept.error?.message ?? ''}</Notice> : null}
      <BigButton onClick={() => void submit()}>{accept.pending ? '正在处理…' : '接受邀请'}</BigButton>
    </Page>
  );
}
