import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Figures } from '../../../../components/Figures';
import { Notice } from '../../../../components/Notice';
import { Section } from '../../../../components/Section';
import { staffScreen } from '../../../../components/StaffPage';
import { pickRosterFile } from '../../../../services/staffFiles';
import { useAction } from '../../../../services/useAction';
import { ROSTER_COLUMNS, type ImportRosterResult } from '../../../../shared/contracts-roster';
import type { AppError } from '../../../../shared/errors';
import { formatBytes, INLINE_FILE_MAX_BYTES } from '../../../../shared/transfer-limits';
import '../../staff.scss';

function Outcome({ fileName, result }: { fileName: string; result: ImportRosterResult }) {
  const hidden = result.rejectedCount - result.rejected.length;
  return (
    <>
      <Notice kind={result.rejectedCount ? 'info' : 'done'}>
        {result.rejectedCount ? `${fileName}已导入，有${result.rejectedCount}行没有导入，见下面` : `${fileName}已全部导入`}
      </Notice>
      <Figures
        items={[
          { label: '读到的行', value: String(result.rows) },
          { label: '新增', value: String(result.created) },
          { label: '更新', value: String(result.updated) },
          { label: '没有变化', value: String(result.unchanged) },
          { label: '有问题没导入', value: String(result.rejectedCount), alert: result.rejectedCount > 0 },
        ]}
      />
      <Section title='没有导入的行' emptyText='没有' count={result.rejected.length}>
        {result.rejected.map((row) => (
          <Card key={row.line} title={`第${row.line}行${row.name ? ` ${row.name}` : ''}${row.rosterNo ? `（${row.rosterNo}）` : ''}`} lines={row.reasons} />
        ))}
        {hidden > 0 ? <Notice>{`还有${hidden}行没有列出，请改好上面这些后再导入一次`}</Notice> : null}
      </Section>
    </>
  );
}

function Importer() {
  const importRoster = useAction('roster', 'importRoster');
  const [picking, setPicking] = useState(false);
  const [pickError, setPickError] = useState<AppError | null>(null);
  const [done, setDone] = useState<{ fileName: string; result: ImportRosterResult } | null>(null);

  const choose = async () => {
    if (picking || importRoster.pending) return;
    setPicking(true);
    setPickError(null);
    const picked = await pickRosterFile();
    setPicking(false);
    if (!picked) return;
    if (!picked.ok) return setPickError(picked.error);
    setDone(null);
    const result = await importRoster.run({ fileName: picked.data.fileName, contentBase64: picked.data.contentBase64 });
    if (result?.ok) setDone({ fileName: picked.data.fileName, result: result.data });
  };

  const error = pickError ?? importRoster.error;
  return (
    <>
      <Text className='staff-text'>{`文件不能超过${formatBytes(INLINE_FILE_MAX_BYTES)}（大约1500人）；人更多的，请分成几个文件导入。同一个文件导入两次，不会重复。`}</Text>
      {error ? <Notice kind='error'>{error.message}</Notice> : null}
      <BigButton onClick={() => void choose()}>{importRoster.pending ? '正在导入…' : picking ? '正在选择文件…' : '选择Excel文件并导入'}</BigButton>
      {done ? <Outcome fileName={done.fileName} result={done.result} /> : null}
      <Section title='表格模板' emptyText='' count={ROSTER_COLUMNS.length}>
        <Text className='staff-text'>表格第一行写下面这些列名（顺序不限），从第二行起每行一个人。</Text>
        <View className='staff-columns'>
          {ROSTER_COLUMNS.map((column) => (
            <Text key={column.key} className='staff-column'>
              {`${column.header}${column.required ? '（必填）' : '（可不填）'}${column.hint ? `：${column.hint}` : ''}`}
            </Text>
          ))}
        </View>
      </Section>
    </>
  );
}

/** 导入花名册: pick the .xlsx, import it, see the counts and the rows that were not imported, by line. */
export default staffScreen({ askWho: true, title: '导入花名册', intro: '选一个Excel表格（.xlsx）导入。在手机上，从微信聊天记录里选文件。' }, Importer);
