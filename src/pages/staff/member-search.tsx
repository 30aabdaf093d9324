import { useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { TextField } from '../../components/TextField';
import { memberTypeLabel } from '../../services/format';
import { useAction } from '../../services/useAction';
import type { RosterMemberRow } from '../../shared/contracts-roster';

export interface ChosenMember {
  id: string;
  name: string;
}

interface MemberSearchProps {
  /** e.g. 第一步：找到走访的老同志 */
  title: string;
  /** the choose button's words for a found member, e.g. name => `走访的是${name}` */
  chooseLabel: (name: string) => string;
  onChoose: (member: ChosenMember) => void;
}

/** Finding a member by name or roster number (roster.members), for a staff form that records something about them. */
export function MemberSearch({ title, chooseLabel, onChoose }: MemberSearchProps) {
  const [keyword, setKeyword] = useState('');
  const [found, setFound] = useState<RosterMemberRow[] | null>(null);
  const search = useAction('roster', 'members');
  const find = async () => {
    if (!keyword.trim()) return;
    const answer = await search.run({ keyword: keyword.trim(), page: 1 });
    if (answer?.ok) setFound(answer.data.items.filter((m) => !m.erased));
  };
  return (
    <Section title={title} emptyText='' count={1}>
      <TextField label='姓名或花名册编号' value={keyword} onChange={setKeyword} maxLength={30} />
      <BigButton kind='secondary' onClick={() => void find()}>
        {search.pending ? '正在查找…' : '查找'}
      </BigButton>
      {search.error ? <Notice kind='error'>{search.error.message}</Notice> : null}
      {found && found.length === 0 ? <Notice>没有找到，请换个写法再找</Notice> : null}
      {(found ?? []).map((m) => (
        <Card key={m.id} title={`${m.name}（${memberTypeLabel(m.memberType) ?? ''}）`} lines={[`${m.town} ${m.community}`, `编号：${m.rosterNo}`]}>
          <BigButton onClick={() => onChoose({ id: m.id, name: m.name })}>{chooseLabel(m.name)}</BigButton>
        </Card>
      ))}
    </Section>
  );
}
