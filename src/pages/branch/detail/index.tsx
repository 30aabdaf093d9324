import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { LinkCard } from '../../../components/LinkCard';
import { Notice } from '../../../components/Notice';
import { Pager } from '../../../components/Pager';
import { Section } from '../../../components/Section';
import { StaffPage } from '../../../components/StaffPage';
import { Loaded } from '../../../components/Loaded';
import { StatusView } from '../../../components/StatusView';
import { TextField } from '../../../components/TextField';
import { formatDate } from '../../../services/format';
import { openPage } from '../../../services/routes';
import { useAction } from '../../../services/useAction';
import { useCloud } from '../../../services/useCloud';
import { BRANCH_NAME_MAX, type BranchDetail, type BranchMemberRow } from '../../../shared/contracts-branch';
import { meetingLines } from '../meeting-values';
import '../../staff/staff.scss';

/** Staff: make a member the secretary, or take them out of the branch. */
function MemberActions({ branch, row, onChanged }: { branch: BranchDetail['branch']; row: BranchMemberRow; onChanged: () => void }) {
  const secretary = useAction('branch', 'saveBranch');
  const move = useAction('branch', 'setMemberBranch');
  const error = secretary.error ?? move.error;
  const makeSecretary = async () => {
    const answer = await secretary.run({ branchId: branch.id, name: branch.name, secretaryMemberId: row.memberId });
    if (answer?.ok) onChanged();
  };
  const takeOut = async () => {
    const answer = await move.run({ memberId: row.memberId, branchId: '' });
    if (answer?.ok) onChanged();
  };
  return (
    <>
      {error ? <Notice kind='error'>{error.message}</Notice> : null}
      {row.secretary ? null : (
        <BigButton kind='secondary' onClick={() => void makeSecretary()}>
          {secretary.pending ? '正在保存…' : `设${row.name}为支部书记`}
        </BigButton>
      )}
      <BigButton kind='secondary' onClick={() => void takeOut()}>
        {move.pending ? '正在保存…' : `把${row.name}移出本支部`}
      </BigButton>
    </>
  );
}

/** The roster's answer to a name: party members can be added here. */
function Found({ keyword, branchId, onAdded }: { keyword: string; branchId: string; onAdded: () => void }) {
  const found = useCloud('roster', 'members', { keyword });
  const move = useAction('branch', 'setMemberBranch');
  const add = async (memberId: string) => {
    const answer = await move.run({ memberId, branchId });
    if (answer?.ok) onAdded();
  };
  return (
    <StatusView loading={found.loading} error={found.error} onRetry={found.retry} empty={found.data?.items.length === 0} emptyText='花名册里没有找到这个名字'>
      {move.error ? <Notice kind='error'>{move.error.message}</Notice> : null}
      {found.data?.items.slice(0, 5).map((m) => (
        <Card key={m.id} title={m.name} lines={[`${m.town} ${m.community}`, m.partyMember ? '党员' : '不是党员，不能加入党支部']}>
          {m.partyMember ? (
            <BigButton kind='secondary' onClick={() => void add(m.id)}>
              {move.pending ? '正在保存…' : `把${m.name}加入本支部`}
            </BigButton>
          ) : null}
        </Card>
      ))}
    </StatusView>
  );
}

/** Staff: find a party member on the roster by name and add them to this branch. */
function AddMember({ branchId, onAdded }: { branchId: string; onAdded: () => void }) {
  const [name, setName] = useState('');
  const [keyword, setKeyword] = useState('');
  return (
    <>
      <TextField label='加入党员：按姓名查找' value={name} onChange={setName} maxLength={20} />
      <BigButton kind='secondary' onClick={() => setKeyword(name.trim())}>
        查找
      </BigButton>
      {keyword ? (
        <Found
          keyword={keyword}
          branchId={branchId}
          onAdded={() => {
            setKeyword('');
            setName('');
            onAdded();
          }}
        />
      ) : null}
    </>
  );
}

/** Staff: the branch's name, as the bureau writes it. */
function Rename({ branch, onSaved }: { branch: BranchDetail['branch']; onSaved: () => void }) {
  const [name, setName] = useState(branch.name);
  const save = useAction('branch', 'saveBranch');
  const submit = async () => {
    const answer = await save.run({ branchId: branch.id, name: name.trim() });
    if (answer?.ok) onSaved();
  };
  return (
    <>
      <TextField label='支部名称' value={name} onChange={setName} maxLength={BRANCH_NAME_MAX} />
      {save.error ? <Notice kind='error'>{save.error.message}</Notice> : null}
      {name.trim() && name.trim() !== branch.name ? (
        <BigButton kind='secondary' onClick={() => void submit()}>
          {save.pending ? '正在保存…' : '保存支部名称'}
        </BigButton>
      ) : null}
    </>
  );
}

function Detail({ data, onPage, onChanged }: { data: BranchDetail; onPage: (page: number) => void; onChanged: () => void }) {
  const { branch, members } = data;
  return (
    <>
      <Card title={branch.name} lines={[`党员${branch.members}人`, branch.secretaryName ? `支部书记：${branch.secretaryName}` : '还没有设支部书记']} />
      <BigButton onClick={() => openPage('branchMeetingEdit', { branch: branch.id })}>安排一次会议或学习</BigButton>
      {data.canManage ? (
        <BigButton kind='secondary' onClick={() => openPage('staffNoticeEdit', { branch: branch.id })}>
          给本支部发学习资料
        </BigButton>
      ) : null}
      <Section title='会议与学习（三会一课、主题党日）' emptyText='还没有安排会议' count={data.meetings.length}>
        {data.meetings.map((m) => (
          <LinkCard key={m.id} title={m.title} lines={meetingLines(m)} more='看签到、会议记录和送学上门' onClick={() => openPage('branchMeeting', { id: m.id })} />
        ))}
      </Section>
      <Section title='学习资料' emptyText='还没有发过学习资料' count={data.materials.length}>
        {data.materials.map((m) => (
          <LinkCard
            key={m.id}
            title={m.title}
            lines={[`${formatDate(m.publishedAt)}发布 · 已读${m.reads}人`]}
            more='看谁没读（送学上门）'
            onClick={() => openPage('branchDeliveries', { kind: 'material', id: m.id })}
          />
        ))}
      </Section>
      <Section title={`党员名单（${members.total}人）`} emptyText='这个支部还没有党员' count={members.items.length}>
        {members.items.map((m) => (
          <Card key={m.memberId} title={m.secretary ? `${m.name}（支部书记）` : m.name} lines={[`${m.town} ${m.community}`, `电话：${m.phone}`]}>
            {data.canManage ? <MemberActions branch={branch} row={m} onChanged={onChanged} /> : null}
          </Card>
        ))}
        <Pager page={members.page} pageSize={members.pageSize} total={members.total} onPage={onPage} />
      </Section>
      {data.canManage ? <AddMember branchId={branch.id} onAdded={onChanged} /> : null}
      {data.canManage ? <Rename key={branch.name} branch={branch} onSaved={onChanged} /> : null}
    </>
  );
}

/** One branch: meetings, study material, members (staff also edit who is in it and who is secretary). */
export default function BranchPage() {
  const { params } = useRouter();
  const [page, setPage] = useState(1);
  const state = useCloud('branch', 'branch', { branchId: params.id ?? '', page });
  return (
    <StaffPage title='党支部' loadError={state.error}>
      <Loaded state={state} refreshOnShow>
        {(data) => <Detail data={data} onPage={setPage} onChanged={state.retry} />}
      </Loaded>
    </StaffPage>
  );
}
