import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { openExportedFile } from '../services/exportFiles';
import type { ExportedFile } from '../shared/contracts-staff';
import type { AppError } from '../shared/errors';
import type { Result } from '../shared/result';
import { BigButton } from './BigButton';
import { Notice } from './Notice';
import './ExportFile.scss';

interface ExportFileProps {
  /** e.g. 导出Excel */
  label: string;
  /** asks the function for the file (null: a call already running) */
  onExport: () => Promise<Result<ExportedFile> | null>;
}

/**
 * 导出Excel: the function writes the .xlsx; weapp opens it (forward or save from the viewer's menu), H5 shows a
 * download link. Errors stay on the page.
 */
export function ExportFile({ label, onExport }: ExportFileProps) {
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<ExportedFile | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const answer = await onExport();
    if (answer && !answer.ok) setError(answer.error);
    if (answer?.ok) {
      setFile(answer.data);
      if (process.env.TARO_ENV === 'weapp') {
        const opened = await openExportedFile(answer.data);
        if (!opened.ok) setError(opened.error);
      }
    }
    setBusy(false);
  };
  return (
    <View className='export-file'>
      <BigButton kind='secondary' onClick={() => void run()}>
        {busy ? '正在生成表格…' : label}
      </BigButton>
      {error ? <Notice kind='error'>{error.message}</Notice> : null}
      {file && !error ? <Notice kind='done'>{`表格已生成：${file.fileName}，共${file.rows}行`}</Notice> : null}
      {file && process.env.TARO_ENV === 'h5' ? (
        <a className='export-file__link' href={file.url} download={file.fileName}>
          <Text>{`下载表格：${file.fileName}`}</Text>
        </a>
      ) : null}
      {file && process.env.TARO_ENV === 'weapp' ? (
        <BigButton kind='secondary' onClick={() => void openExportedFile(file)}>
          再次打开表格（可转发给同事）
        </BigButton>
      ) : null}
    </View>
  );
}
