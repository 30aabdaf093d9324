/**
 * 系统设置 (admins): the bureau's name, hotline and subscribe-message template ids (src/shared/settings.ts).
 * One save for the whole form; the function checks every value (a template id is 43 letters, digits, _ or -;
 * in production a placeholder is refused) and records the change in 操作记录.
 */
import { useEffect, useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { Notice } from '../../../../components/Notice';
import { Section } from '../../../../components/Section';
import { staffScreen } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { TextField } from '../../../../components/TextField';
import { formatDateTime } from '../../../../services/format';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import type { SettingsView } from '../../../../shared/contracts-staff';
import type { SettingKey } from '../../../../shared/settings';
import '../../staff.scss';

function SettingsForm({ view, onSaved }: { view: SettingsView; onSaved: (next: SettingsView) => void }) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.items.map((item) => [item.key, item.placeholder ? '' : item.value])),
  );
  const [saved, setSaved] = useState(false);
  const save = useAction('staff', 'saveSettings');
  useEffect(() => setSaved(false), [values]);

  const submit = async () => {
    const changed = Object.fromEntries(
      view.items.filter((item) => values[item.key].trim() !== '' && values[item.key].trim() !== item.value).map((item) => [item.key, values[item.key].trim()]),
    ) as Partial<Record<SettingKey, string>>;
    const answer = await save.run({ values: changed });
    if (answer?.ok) {
      setSaved(true);
      onSaved(answer.data);
    }
  };

  const labelOf = (key: SettingKey) => view.items.find((item) => item.key === key)?.label ?? key;
  return (
    <>
      {view.missing.length > 0 ? (
        <Notice kind={view.production ? 'error' : 'info'}>
          {`${view.production ? '正式使用前还要填写' : '还没有填写（本地预览用示例值）'}：${view.missing.map(labelOf).join('、')}`}
        </Notice>
      ) : (
        <Notice kind='done'>各项设置都已填写</Notice>
      )}
      <Section title='单位信息' emptyText='' count={1}>
        {view.items
          .filter((item) => item.kind !== 'templateId')
          .map((item) => (
            <TextField
              key={item.key}
              label={item.label}
              hint={`${item.description}${item.placeholder ? `（现在是示例值：${item.value}）` : ''}`}
              value={values[item.key]}
              onChange={(value) => setValues((old) => ({ ...old, [item.key]: value }))}
              maxLength={40}
            />
          ))}
      </Section>
      <Section title='订阅消息模板' emptyText='' count={1}>
        <Notice>在小程序后台“订阅消息 → 我的模板”里选用模板后，把每个模板的ID（43位字母和数字）复制到下面。</Notice>
        {view.items
          .filter((item) => item.kind === 'templateId')
          .map((item) => (
            <TextField
              key={item.key}
              label={item.label}
              hint={`${item.description}${item.placeholder ? '（还没有填写）' : ''}`}
              value={values[item.key]}
              onChange={(value) => setValues((old) => ({ ...old, [item.key]: value }))}
              maxLength={60}
            />
          ))}
      </Section>
      {save.error ? <Notice kind='error'>{save.error.message}</Notice> : null}
      {saved ? <Notice kind='done'>已保存</Notice> : null}
      <BigButton onClick={() => void submit()}>{save.pending ? '正在保存…' : '保存设置'}</BigButton>
      {view.updatedAt ? <Notice>{`上次由${view.updatedBy ?? '管理员'}在${formatDateTime(view.updatedAt)}修改`}</Notice> : null}
    </>
  );
}

function Settings() {
  const { loading, error, data, retry } = useCloud('staff', 'settings', {});
  const [view, setView] = useState<SettingsView | null>(null);
  const shown = view ?? data;
  return (
    <StatusView loading={loading && !shown} error={error} onRetry={retry}>
      {shown ? <SettingsForm view={shown} onSaved={setView} /> : null}
    </StatusView>
  );
}

export default staffScreen({ title: '系统设置', intro: '本单位的名称、服务电话和订阅消息模板。只有管理员能修改，每次修改都记入操作记录。', adminOnly: true }, Settings);
