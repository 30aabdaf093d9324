import Taro, { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { ActingBanner } from '../../../components/ActingBanner';
import { BigButton } from '../../../components/BigButton';
import { Page } from '../../../components/Page';
import { PageTitle } from '../../../components/PageTitle';
import { TextField } from '../../../components/TextField';
import { goTo, openPage } from '../../../services/routes';
import { useAction } from '../../../services/useAction';
import { useActingFor } from '../../../services/viewer';
import type { ScanData } from '../../../shared/contracts-checkin';
import type { Screen } from '../../../shared/screen';
import { appError, type AppError } from '../../../shared/errors';
import { parseToken } from '../../../shared/timebank-rules';
import { codeFromOptions, codeFromScan } from '../code';
import { ScanFailure, ScanSuccess } from '../ScanResult';
import '../checkin.scss';

const IN_WECHAT = process.env.TARO_ENV === 'weapp';

/** Another try: WeChat's scanner in the mini-program, typing the code in the browser preview (no scanner there). */
function TryAgain({ first, onCode }: { first: boolean; onCode: (code: string) => void }) {
  const [typed, setTyped] = useState('');
  if (IN_WECHAT) {
    const scan = () => void Taro.scanCode({ onlyFromCamera: true }).then((answer) => onCode(codeFromScan(answer)), () => undefined);
    return <BigButton onClick={scan}>{first ? '扫码签到' : '重新扫码'}</BigButton>;
  }
  return (
    <>
      <TextField label='签到码' hint='网页版没有扫一扫：请输入现场屏幕上“网页版签到码”后面的文字' value={typed} onChange={setTyped} maxLength={64} />
      <BigButton onClick={() => onCode(typed)}>签到</BigButton>
    </>
  );
}

/**
 * 扫码签到: WeChat's scanner opens this page with the venue code (?scene=); it checks in at once and says what
 * happened, big and plain. Opened without a code, it offers the scanner (or, in the browser, a box for the code).
 */
export default function CheckinScan() {
  const { params } = useRouter();
  const initial = codeFromOptions(params);
  // Opened with a code, the scan's answer says who is acting; only an empty scan screen asks member.me.
  const asked = useActingFor(!initial);
  const scan = useAction('checkin', 'scan');
  const [result, setResult] = useState<Screen<ScanData> | null>(null);
  const actingFor = result?.actingFor?.name ?? asked;
  const [refused, setRefused] = useState<AppError | null>(null);

  const submit = useCallback(
    async (code: string) => {
      setResult(null);
      setRefused(null);
      if (!code.trim()) return;
      if (!parseToken(code.trim())) {
        setRefused(appError('CHECKIN.BAD_CODE'));
        return;
      }
      const answer = await scan.run({ token: code.trim() });
      if (answer?.ok) setResult(answer.data);
    },
    [scan.run],
  );
  useEffect(() => {
    if (initial) void submit(initial);
  }, [initial, submit]);

  const failure = refused ?? scan.error;
  const tried = Boolean(initial) || Boolean(result) || Boolean(failure);
  return (
    <Page>
      <ActingBanner name={actingFor} doing='签到' />
      <PageTitle title='扫码签到' />
      {scan.pending ? <Text className='scan-result__pending'>正在签到，请稍等…</Text> : null}
      {result ? <ScanSuccess result={result} forOther={Boolean(actingFor)} /> : null}
      {failure && !scan.pending ? <ScanFailure reason={failure.message} /> : null}
      {failure?.code === 'AUTH.NOT_MEMBER' ? <BigButton onClick={() => openPage('bind')}>确认身份</BigButton> : null}
      {result ? (
        <>
          <BigButton onClick={() => openPage('timebank')}>查看我的签到记录</BigButton>
          <BigButton kind='secondary' onClick={() => goTo('home')}>
            回到首页
          </BigButton>
        </>
      ) : scan.pending || failure?.code === 'AUTH.NOT_MEMBER' ? null : (
        <TryAgain first={!tried} onCode={(code) => void submit(code)} />
      )}
    </Page>
  );
}
