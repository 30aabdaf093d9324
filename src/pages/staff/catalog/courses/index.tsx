import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { LinkCard } from '../../../../components/LinkCard';
import { Notice } from '../../../../components/Notice';
import { Section } from '../../../../components/Section';
import { staffScreen } from '../../../../components/StaffPage';
import { Loaded } from '../../../../components/Loaded';
import { TextField } from '../../../../components/TextField';
import { classTime } from '../../../../services/enrollFormat';
import { openPage } from '../../../../services/routes';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import type { StaffCatalogData } from '../../../../shared/contracts-staff';
import { placesLine } from '../../form-values';
import '../../staff.scss';

const TERM_ID = /^[A-Za-z0-9_-]{1,64}$/;

function TermSetter({ term, onSet }: { term: StaffCatalogData['term']; onSet: () => void }) {
  const [id, setId] = useState(term?.id ?? '');
  const [name, setName] = useState(term?.name ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const setTerm = useAction('staff', 'setTerm');
  const submit = async () => {
    const ok = TERM_ID.test(id.trim()) && name.trim();
    setProblem(ok ? null : '学期编号只用字母、数字和“-”，如 2026-autumn；学期名称不能空着');
    if (!ok) return;
    const answer = await setTerm.run({ termId: id.trim(), name: name.trim() });
    if (answer?.ok) {
      setDone(`本学期已设为：${answer.data.name}`);
      onSet();
    }
  };
  return (
    <Section title={term ? `本学期：${term.name}` : '还没有设定本学期'} emptyText='' count={1}>
      <TextField label='学期名称' value={name} onChange={setName} maxLength={30} hint='例如：2026年秋季学期' />
      <TextField label='学期编号' value={id} onChange={setId} maxLength={64} hint='字母和数字，例如 2026-autumn；换学期时换一个新编号' />
      {problem ? <Notice kind='error'>{problem}</Notice> : null}
      {setTerm.error ? <Notice kind='error'>{setTerm.error.message}</Notice> : null}
      {done ? <Notice kind='done'>{done}</Notice> : null}
      <BigButton kind='secondary' onClick={() => void submit()}>
        {setTerm.pending ? '正在保存…' : '设为本学期'}
      </BigButton>
    </Section>
  );
}

function Courses() {
  const state = useCloud('staff', 'catalog', {});
  return (
    <Loaded state={state} refreshOnShow>
      {(data) => (
        <>
          <TermSetter key={data.term?.id ?? ''} term={data.term} onSet={state.retry} />
          {data.term ? <BigButton onClick={() => openPage('staffCourseEdit')}>发布新课程</BigButton> : null}
          <Section title='本学期的课程' emptyText='本学期还没有课程' count={data.courses.length}>
            {data.courses.map((c) => (
              <LinkCard
                key={c.id}
                title={c.title}
                lines={[`${c.campusName} · ${c.teacher}老师`, `${classTime(c.weekday, c.time)} · ${c.place}`, `${placesLine(c)}${c.mode === 'lottery' ? '（摇号）' : ''}`]}
                more='修改或看名单'
                onClick={() => openPage('staffCourseEdit', { id: c.id })}
              />
            ))}
          </Section>
        </>
      )}
    </Loaded>
  );
}

/** 学期与课程: set the current term; the term's courses with places taken; publish and edit courses. */
export default staffScreen({ title: '学期与课程', intro: '老同志在小程序里看到的是“本学期”的课程。' }, Courses);
