import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ChoiceChips, optionsOf } from '../../../../components/ChoiceChips';
import { Section } from '../../../../components/Section';
import { TextArea } from '../../../../components/TextArea';
import { TextField } from '../../../../components/TextField';
import { SaveButton } from '../../../../components/form/SaveButton';
import { openPage } from '../../../../services/routes';
import { FormProblem, fieldProblem, useSave } from '../../../../services/useSave';
import type { PostInput, SaveTeamRequest, StaffTeamRow } from '../../../../shared/contracts-staff';
import { placesLine, wholeOf } from '../../form-values';
import { editorPage, Saved, type EditorInput } from '../EditorShell';
import '../../staff.scss';

const CATEGORIES = ['送思想', '送经验', '送法律', '送技术', '送文艺', '送爱心', '环境卫生监督', '矛盾纠纷调解', '红色传承', '关心下一代', '科技服务'];

interface PostDraft {
  key: string;
  id?: string;
  name: string;
  duties: string;
  capacity: string;
  /** people holding or waiting for it (a post with people cannot be removed) */
  people: number;
}

let nextKey = 0;
const newPost = (): PostDraft => ({ key: `new-${nextKey++}`, name: '', duties: '', capacity: '5', people: 0 });

function postsOf(row: StaffTeamRow | null): PostDraft[] {
  if (!row) return [newPost()];
  return row.posts.map((p) => ({ key: p.id, id: p.id, name: p.name, duties: p.duties, capacity: String(p.capacity), people: p.placed + p.waitlisted }));
}

function requestOf(d: { name: string; category: string; description: string; skills: string }, posts: PostDraft[], row: StaffTeamRow | null): SaveTeamRequest | FormProblem {
  if (!d.name.trim()) return fieldProblem('name', '请填写服务队名称');
  if (!d.category) return fieldProblem('category', '请选择服务类别');
  if (!d.description.trim()) return fieldProblem('description', '请填写服务队介绍');
  if (posts.length === 0) return new FormProblem('至少要有一个岗位，请点“添加一个岗位”');
  const inputs: PostInput[] = [];
  for (const [i, p] of posts.entries()) {
    const capacity = wholeOf(p.capacity, 1, 1000);
    if (!p.name.trim()) return fieldProblem(`post${i}-name`, `请填写岗位${i + 1}的名称`);
    if (!p.duties.trim()) return fieldProblem(`post${i}-duties`, `请填写岗位${i + 1}的职责`);
    if (capacity === null) return fieldProblem(`post${i}-capacity`, `岗位${i + 1}的人数请填1到1000之间的整数`);
    inputs.push({ ...(p.id ? { id: p.id } : {}), name: p.name.trim(), duties: p.duties.trim(), capacity });
  }
  const skills = d.skills.split(/[、，,\s]+/).map((s) => s.trim()).filter(Boolean);
  const request: SaveTeamRequest = { name: d.name.trim(), category: d.category, description: d.description.trim(), skills, posts: inputs };
  if (row) {
    request.teamId = row.id;
    request.leaderMemberId = row.leaderMemberId;
  }
  return request;
}

interface PostEditorProps {
  post: PostDraft;
  index: number;
  onChange: (p: Partial<PostDraft>) => void;
  onRemove: () => void;
  errorOf: (field: string) => string | undefined;
}

function PostEditor({ post, index, onChange, onRemove, errorOf }: PostEditorProps) {
  const name = (part: string) => `post${index}-${part}`;
  return (
    <Card title={`岗位${index + 1}${post.people ? `（现有${post.people}人）` : ''}`}>
      <TextField name={name('name')} error={errorOf(name('name'))} label={`岗位${index + 1}名称`} value={post.name} onChange={(v) => onChange({ name: v })} maxLength={30} />
      <TextField name={name('duties')} error={errorOf(name('duties'))} label={`岗位${index + 1}职责`} value={post.duties} onChange={(duties) => onChange({ duties })} maxLength={300} />
      <TextField name={name('capacity')} error={errorOf(name('capacity'))} label={`岗位${index + 1}人数`} value={post.capacity} onChange={(capacity) => onChange({ capacity })} numeric maxLength={4} />
      {post.people === 0 ? (
        <BigButton kind='secondary' onClick={onRemove}>
          {`去掉岗位${index + 1}`}
        </BigButton>
      ) : null}
    </Card>
  );
}

function Editor({ row, saveLabel }: EditorInput<'team'>) {
  const [draft, setDraft] = useState({
    name: row?.name ?? '',
    // a new team has no category until staff choose one
    category: row?.category ?? '',
    description: row?.description ?? '',
    skills: row?.skills.join('、') ?? '',
  });
  const [posts, setPosts] = useState(() => postsOf(row));
  const { save, problem, saved, submit, errorOf } = useSave('staff', 'saveTeam');
  const set = (change: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...change }));
  const categories = !draft.category || CATEGORIES.includes(draft.category) ? CATEGORIES : [...CATEGORIES, draft.category];

  if (saved) {
    return (
      <Saved
        notice={row ? `“${saved.name}”的修改已保存` : `“${saved.name}”已发布，老同志在“志愿服务”里就能选岗报名`}
        roster={{ label: '看队员名单', kind: 'team', id: saved.id }}
        back={{ label: '回到协会与服务队', route: 'staffGroups' }}
      >
        {saved.posts.map((p) => (
          <Card key={p.id} title={p.name} lines={[placesLine({ seats: p.capacity, placed: p.placed, waitlisted: p.waitlisted })]} />
        ))}
      </Saved>
    );
  }
  return (
    <>
      {row ? (
        <BigButton kind='secondary' onClick={() => openPage('staffGroupRoster', { kind: 'team', id: row.id })}>
          看队员名单和服务签到
        </BigButton>
      ) : null}
      <TextField name='name' error={errorOf('name')} label='服务队名称' value={draft.name} onChange={(name) => set({ name })} maxLength={30} />
      <ChoiceChips name='category' error={errorOf('category')} label='服务类别' hint='请选一个' options={optionsOf(categories)} selected={[draft.category]} onToggle={(category) => set({ category })} />
      <TextArea name='description' error={errorOf('description')} label='服务队介绍' value={draft.description} onChange={(description) => set({ description })} maxLength={300} />
      <TextField label='需要的特长（可以不写）' value={draft.skills} onChange={(skills) => set({ skills })} maxLength={200} hint='多个用顿号隔开，如 法律、调解' />
      <Section title='岗位' emptyText='还没有岗位' count={posts.length}>
        {posts.map((post, i) => (
          <PostEditor
            key={post.key}
            post={post}
            index={i}
            errorOf={errorOf}
            onChange={(change) => setPosts((all) => all.map((p) => (p.key === post.key ? { ...p, ...change } : p)))}
            onRemove={() => setPosts((all) => all.filter((p) => p.key !== post.key))}
          />
        ))}
      </Section>
      <BigButton kind='secondary' onClick={() => setPosts((all) => [...all, newPost()])}>
        添加一个岗位
      </BigButton>
      <SaveButton label={saveLabel} onClick={() => void submit(requestOf(draft, posts, row))} pending={save.pending} problem={problem} error={save.error} />
    </>
  );
}

/** 发布服务队 / 修改服务队: name, category, description, skills wanted, and its posts (定岗定责: name, duties, places). */
export default editorPage({ kind: 'team', noun: '志愿服务队', intro: '有人报名的岗位不能去掉，只能改名称、职责和人数。', emptyText: '没有找到这个服务队' }, Editor);
