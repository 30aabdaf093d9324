import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { BigButton } from '../../../components/BigButton';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { PageTitle } from '../../../components/PageTitle';
import { Section } from '../../../components/Section';
import { StatusView } from '../../../components/StatusView';
import { TextField } from '../../../components/TextField';
import { useAction } from '../../../services/useAction';
import { useCloud } from '../../../services/useCloud';
import { useRefreshEvery } from '../../../services/useRefreshEvery';
import type { AssistData, BoardData, CheckinKind, RosterRow } from '../../../shared/contracts-checkin';
import { CodePanel, Counts, RosterItem } from '../BoardParts';
import '../checkin.scss';

/** rows shown at once; more are found by name */
const MAX_ROWS = 30;
/** after a failed load, try again this soon (the screen may be left on a stand at the door) */
const RETRY_SECONDS = 10;

/** What 代签到 changed since the last load: rows and counts from assist's answers. */
interface Patch {
  rows: Record<string, RosterRow>;
  counts: BoardData['counts'] | null;
}
const NO_PATCH: Patch = { rows: {}, counts: null };

function Roster({ board, patch, onAssisted }: { board: BoardData; patch: Patch; onAssisted: (answer: AssistData) => void }) {
  const [name, setName] = useState('');
  const [tapped, setTapped] = useState<string | null>(null);
  const assist = useAction('checkin', 'assist');
  const open = board.target.window.phase === 'open';
  const wanted = name.trim();
  const rows = board.roster.map((row) => patch.rows[row.memberId] ?? row).filter((row) => !wanted || row.name.includes(wanted));
  const shown = rows.slice(0, MAX_ROWS);
  const checkIn = async (row: RosterRow) => {
    setTapped(row.memberId);
    const answer = await assist.run({ kind: board.target.kind, id: board.target.id, memberId: row.memberId });
    if (answer?.ok) onAssisted(answer.data);
  };
  return (
    <Section title='签到名单' emptyText='还没有人报名或签到' count={board.roster.length}>
      <TextField label='按姓名查找' hint='没带手机的老同志，输入姓名找到后点“代签到”' value={name} onChange={setName} maxLength={20} />
      {wanted && rows.length === 0 ? <Notice>{`名单上没有姓名含“${wanted}”的人`}</Notice> : null}
      {shown.map((row) => (
        <RosterItem
          key={row.memberId}
          row={row}
          open={open}
          pending={assist.pending && tapped === row.memberId}
          error={tapped === row.memberId ? assist.error : null}
          onAssist={(r) => void checkIn(r)}
        />
      ))}
      {rows.length > shown.length ? <Notice>{`还有${rows.length - shown.length}位没有列出，请输入姓名查找`}</Notice> : null}
    </Section>
  );
}

function Board({ board, onRefresh }: { board: BoardData; onRefresh: () => void }) {
  const [patch, setPatch] = useState<Patch>(NO_PATCH);
  useEffect(() => setPatch(NO_PATCH), [board]);
  const { target } = board;
  const assisted = (answer: AssistData) =>
    setPatch((p) => ({ rows: { ...p.rows, [answer.row.memberId]: answer.row }, counts: answer.counts }));
  return (
    <>
      <PageTitle title={target.title} intro={`${target.place}。${target.window.text}`} />
      {target.window.phase !== 'open' ? <Notice kind='error'>{target.window.text}</Notice> : null}
      <CodePanel code={board.code} />
      <Counts kind={target.kind} counts={patch.counts ?? board.counts} />
      <BigButton kind='secondary' onClick={onRefresh}>
        刷新人数和名单
      </BigButton>
      <Roster board={board} patch={patch} onAssisted={assisted} />
    </>
  );
}

/**
 * 签到码: staff (or the leader) show this at the venue. The code changes every 30 seconds, so the screen reloads
 * itself when it is due (and not while hidden); the roster is searched by name and 代签到 checks someone in.
 */
export default function CheckinBoard() {
  const { params } = useRouter();
  const kind: CheckinKind = params.kind === 'session' || params.kind === 'meeting' ? params.kind : 'activity';
  const { loading, error, data, retry } = useCloud('checkin', 'board', { kind, id: params.id ?? '' });
  useRefreshEvery(data ? data.code.refreshInSeconds : error ? RETRY_SECONDS : null, data ?? error, retry);
  return (
    <Page>
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {data ? <Board board={data} onRefresh={retry} /> : null}
      </StatusView>
    </Page>
  );
}
