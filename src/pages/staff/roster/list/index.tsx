import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { LinkCard } from '../../../../components/LinkCard';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { Pager } from '../../../../components/Pager';
import { staffScreen } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { TextField } from '../../../../components/TextField';
import { genderLabel, memberTypeLabel } from '../../../../services/format';
import { openPage } from '../../../../services/routes';
import { useCloud } from '../../../../services/useCloud';
import type { MemberType } from '../../../../shared/contracts';
import type { RosterMemberRow, RosterMembersRequest } from '../../../../shared/contracts-roster';
import '../../staff.scss';

const TYPES = [
  { value: '', label: '全部' },
  { value: 'lixiu', label: '离休' },
  { value: 'tuixiu', label: '退休' },
];

function Row({ row }: { row: RosterMemberRow }) {
  const place = [row.town, row.community].filter(Boolean).join(' ');
  return (
    <LinkCard
      title={`${row.name}（${row.rosterNo}）`}
      lines={[
        `${memberTypeLabel(row.memberType) ?? ''} · ${genderLabel(row.gender)} · ${row.birthYear}年生${row.partyMember ? ' · 党员' : ''}`,
        row.formerUnit ? `原单位：${row.formerUnit}` : null,
        place ? `住址：${place}` : null,
        row.phoneMasked ? `手机：${row.phoneMasked}` : null,
        row.skills.length ? `特长：${row.skills.join('、')}` : null,
      ]}
      badge={row.erased ? '已注销' : row.bound ? '已绑定微信' : '未绑定微信'}
      more='看档案和来电记录'
      onClick={() => openPage('staffMemberRecord', { memberId: row.id })}
    />
  );
}

function Roster() {
  const [keyword, setKeyword] = useState('');
  const [query, setQuery] = useState<RosterMembersRequest>({ page: 1 });
  const { loading, error, data, retry } = useCloud('roster', 'members', query);
  const set = (change: Partial<RosterMembersRequest>) => setQuery((q) => ({ ...q, page: 1, ...change }));
  const towns = [{ value: '', label: '全部' }, ...(data?.towns ?? []).map((town) => ({ value: town, label: town }))];
  return (
    <>
      <TextField label='姓名或花名册编号' value={keyword} onChange={setKeyword} maxLength={30} />
      <BigButton onClick={() => set({ keyword: keyword.trim() || undefined })}>查找</BigButton>
      <ChoiceChips label='类别' options={TYPES} selected={[query.memberType ?? '']} onToggle={(value) => set({ memberType: (value || undefined) as MemberType | undefined })} />
      <ChoiceChips label='乡镇街道' options={towns} selected={[query.town ?? '']} onToggle={(value) => set({ town: value || undefined })} />
      <StatusView loading={loading && !data} error={error} onRetry={retry} empty={data?.items.length === 0} emptyText='没有找到相符的老同志'>
        {data ? (
          <>
            <Card title={`找到${data.total}人`} />
            {data.items.map((row) => (
              <Row key={row.id} row={row} />
            ))}
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setQuery((q) => ({ ...q, page }))} />
          </>
        ) : null}
      </StatusView>
    </>
  );
}

/** 花名册: search by name or number, filter by type and town; phone numbers masked. */
export default staffScreen({ title: '花名册', intro: '手机号只显示前3位和后4位。' }, Roster);
