import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Notice } from '../../../../components/Notice';
import { staffScreen } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { TwoStepButton } from '../../../../components/TwoStepButton';
import { formatDateTime } from '../../../../services/format';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import type { CounterDisagreement, IntegrityData } from '../../../../shared/contracts-integrity';
import '../../staff.scss';

const KIND_LABELS: Record<CounterDisagreement['kind'], string> = { association: '协会', team: '志愿岗位', course: '课程', activity: '活动', tally: '待办计数' };

function Disagreement({ item, onRepaired }: { item: CounterDisagreement; onRepaired: (check: IntegrityData, text: string) => void }) {
  const repair = useAction('staff', 'repairCounter');
  const onConfirm = async () => {
    const result = await repair.run({ kind: item.kind, id: item.id, ...(item.postId ? { postId: item.postId } : {}) });
    const counted = result?.ok ? (result.data.repaired?.counted ?? item.counted) : item.counted;
    if (result?.ok) onRepaired(result.data.check, item.kind === 'tally' ? `已按记录重新计数：${item.counter}改为${counted}` : `已按名单重新计数：${item.title}的${item.counter}改为${counted}人`);
  };
  return (
    <Card
      title={`${KIND_LABELS[item.kind]}：${item.title}`}
      lines={[
        item.kind === 'tally' ? `${item.counter}：显示${item.stored}，按记录应为${item.counted}` : `${item.counter}：显示${item.stored}人，按报名记录应为${item.counted}人`,
        ...item.problems.map((p) => `原因：${p}`),
      ]}
    >
      {repair.error ? <Notice kind='error'>{repair.error.message}</Notice> : null}
      <TwoStepButton
        label='按记录重新计数'
        question={item.kind === 'tally' ? `把${item.title}的${item.counter}改为${item.counted}。这次修改会记入操作记录。确定吗？` : `把${item.title}的${item.counter}改为${item.counted}人，名单只留下有报名记录的人。这次修改会记入操作记录。确定吗？`}
        confirmLabel='确定重新计数'
        keepLabel='先不改'
        pending={repair.pending}
        onConfirm={() => void onConfirm()}
      />
    </Card>
  );
}

function Integrity() {
  const { loading, error, data, retry } = useCloud('staff', 'integrity', {});
  const [after, setAfter] = useState<{ check: IntegrityData; text: string } | null>(null);
  const check = after?.check ?? data;
  return (
    <StatusView loading={loading && !check} error={error} onRetry={retry}>
      {check ? (
        <>
          {after ? <Notice kind='done'>{after.text}</Notice> : null}
          <Card
            title={check.disagreements.length ? `有${check.disagreements.length}个数字和记录对不上` : '所有数字都和记录对得上'}
            lines={[`核对了${check.checked}个数字（协会会员、志愿岗位、课程和活动的报名人数，工作台的待办计数）`, `核对时间：${formatDateTime(check.checkedAt)}`]}
          />
          {check.disagreements.map((item) => (
            <Disagreement
              key={`${item.kind}:${item.id}:${item.postId ?? ''}`}
              item={item}
              onRepaired={(next, text) => setAfter({ check: next, text })}
            />
          ))}
          <BigButton
            kind='secondary'
            onClick={() => {
              setAfter(null);
              retry();
            }}
          >
            再核对一次
          </BigButton>
        </>
      ) : null}
    </StatusView>
  );
}

/** 数据核对 (admins): every sign-up counter recounted from its records; one that disagrees can be recounted, audited. */
export default staffScreen({ title: '数据核对', intro: '逐个核对各处显示的人数和报名记录是否一致；对不上的可以按记录重新计数。', adminOnly: true }, Integrity);
