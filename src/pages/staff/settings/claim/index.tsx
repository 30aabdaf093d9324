/**
 * 管理员认领: the first administrator types the one-time code `npm run deploy` printed (the page may be opened with
 * ?code=… from WeChat DevTools' preview). Open to anyone with a WeChat; the function accepts it once, only while
 * there is no administrator, and records it in 操作记录.
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../../components/BigButton';
import { Notice } from '../../../../components/Notice';
import { Page } from '../../../../components/Page';
import { PageTitle } from '../../../../components/PageTitle';
import { TextField } from '../../../../components/TextField';
import { openPage } from '../../../../services/routes';
import { useAction } from '../../../../services/useAction';
import { forgetViewer } from '../../../../services/viewer';
import '../../staff.scss';

export default function ClaimAdminPage() {
  const router = useRouter();
  const [code, setCode] = useState(router.params.code ? decodeURIComponent(router.params.code) : '');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const claim = useAction('member', 'claimAdmin');

  const submit = async () => {
    setProblem(null);
    if (!code.trim()) return setProblem('请填写认领码');
    if (!name.trim()) return setProblem('请填写您的姓名');
    const answer = await claim.run({ code: code.trim(), name: name.trim() });
    if (answer?.ok) {
      forgetViewer();
      setDone(answer.data.name);
    }
  };

  if (done) {
    return (
      <Page>
        <PageTitle title='管理员认领' />
        <Notice kind='done'>{`${done}，您已经是管理员了。请先到“系统设置”填写单位名称、服务电话和订阅消息模板。`}</Notice>
        <BigButton onClick={() => openPage('staffSettings')}>去系统设置</BigButton>
        <BigButton kind='secondary' onClick={() => openPage('staffHome')}>去工作台</BigButton>
      </Page>
    );
  }
  return (
    <Page>
      <PageTitle title='管理员认领' intro='系统第一次上线时，由老干部局指定的管理员用部署时显示的认领码认领一次。之后由管理员为其他工作人员开通权限。' />
      <TextField label='认领码' hint='12位字母和数字，例如 ABCD-EFGH-JK23，大小写和横线都可以不管' value={code} onChange={setCode} maxLength={20} />
      <TextField label='您的姓名' hint='会显示在操作记录里' value={name} onChange={setName} maxLength={20} />
      {problem ? <Notice kind='error'>{problem}</Notice> : null}
      {claim.error ? <Notice kind='error'>{claim.error.message}</Notice> : null}
      <BigButton onClick={() => void submit()}>{claim.pending ? '正在认领…' : '认领管理员'}</BigButton>
    </Page>
  );
}
