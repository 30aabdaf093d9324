import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { ChoiceChips, optionsOf } from '../../components/ChoiceChips';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { StaffPage } from '../../components/StaffPage';
import { StatusView } from '../../components/StatusView';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { openPage } from '../../services/routes';
import { useSave } from '../../services/useSave';
import { useCloud } from '../../services/useCloud';
import type { PostInput, SaveTeamRequest, StaffTeamRow } from '../../shared/contracts-staff';
import { placesLine, wholeOf } from './form-values';
import './staff.scss';

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

function requestOf(d: { name: string; category: string; description: string; skills: string }, posts: PostDraft[], row: StaffTeamRow | null): SaveTeamRequest | string {
  if (!d.name.trim()) return '请填写服务队名称';
  if (!d.description.trim()) return '请填写服务队介绍';
  if (posts.length === 0) return '至少要有一个岗位';
  const inputs: PostInput[] = [];
  for (const [i, p] of posts.entries()) {
    const capacity = wholeOf(p.capacity, 1, 1000);
    if (!p.name.trim() || !p.duties.trim()) return `请填写第${i + 1}个岗位的名称和职责`;
    if (capacity === null) return `第${i + 1}个岗位的人数请填1到1000之间的整数`;
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

function PostEditor({ post, index, onChange, onRemove }: { post: PostDraft; index: number; onChange: (p: Partial<PostDraft>) => void; onRemove: () => void }) {
  return (
    <Card title={`岗位${index + 1}${post.people ? `（现有${post.people}人）` : ''}`}>
      <TextField label={`岗位${index + 1}名称`} value={post.name} onChange={(name) => onChange({ name })} maxLength={30} />
      <TextField label={`岗位${index + 1}职责`} value={post.duties} onChange={(duties) => onChange({ duties })} maxLength={300} />
      <TextField label={`岗位${index + 1}人数`} value={post.capacity} onChange={(capacity) => onChange({ capacity })} numeric maxLength={4} />
      {post.people === 0 ? (
        <BigButton kind='secondary' onClick={onRemove}>
          {`去掉岗位${index + 1}`}
        </BigButton>
      ) : null}
    </Card>
  );
}

function Editor({ row }: { row: StaffTeamRow | null }) {
  const [draft, setDraft] = useState({
    name: row?.name ?? '',
    category: row?.category ?? '送爱心',
    description: row?.description ?? '',
    skills: row?.skills.join('、') ?? '',
  });
  const [posts, setPosts] = useState(() => postsOf(row));
  const { save, problem, saved, submit } = useSave('staff', 'saveTeam');
  const set = (change: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...change }));
  const categories = CATEGORIES.includes(draft.category) ? CATEGORIES : [...CATEGORIES, draft.category];

  if (saved) {
    return (
      <>
        <Notice kind='done'>{row ? `“${saved.name}”的修改已保存` : `“${saved.name}”已发布，老同志在“志愿服务”里就能选岗报名`}</Notice>
        {saved.posts.map((p) => (
          <Card key={p.id} title={p.name} lines={[placesLine({ seats: p.capacity, placed: p.placed, waitlisted: p.waitlisted })]} />
        ))}
        <BigButton onClick={() => openPage('staffGroupRoster', { kind: 'team', id: saved.id })}>看队员名单</BigButton>
        <BigButton kind='secondary' onClick={() => openPage('staffGroups')}>
          回到协会与服务队
        </BigButton>
      </>
    );
  }
  return (
    <>
      {row ? (
        <BigButton kind='secondary' onClick={() => openPage('staffGroupRoster', { kind: 'team', id: row.id })}>
          看队员名单和服务签到
        </BigButton>
      ) : null}
      <TextField label='服务队名称' value={draft.name} onChange={(name) => set({ name })} maxLength={30} />
      <ChoiceChips label='服务类别' options={optionsOf(categories)} selected={[draft.category]} onToggle={(category) => set({ category })} />
      <TextArea label='服务队介绍' value={draft.description} onChange={(description) => set({ description })} maxLength={300} />
      <TextField label='需要的特长（可以不写）' value={draft.skills} onChange={(skills) => set({ skills })} maxLength={200} hint='多个用顿号隔开，如 法律、调解' />
      <Section title='岗位' emptyText='还没有岗位' count={posts.length}>
        {posts.map((post, i) => (
          <PostEditor
            key={post.key}
            post={post}
            index={i}
            onChange={(change) => setPosts((all) => all.map((p) => (p.key === post.key ? { ...p, ...change } : p)))}
            onRemove={() => setPosts((all) => all.filter((p) => p.key !== post.key))}
          />
        ))}
      </Section>
      <BigButton kind='secondary' onClick={() => setPosts((all) => [...all, newPost()])}>
        添加一个岗位
      </BigButton>
      {problem ? <Notice kind='error'>{problem}</Notice> : null}
      {save.error && !problem ? <Notice kind='error'>{save.error.message}</Notice> : null}
      <BigButton onClick={() => void submit(requestOf(draft, posts, row))}>{save.pending ? '正在保存…' : row ? '保存修改' : '发布服务队'}</BigButton>
    </>
  );
}

function EditTeam({ id }: { id: string }) {
  const { loading, error, data, retry } = useCloud('staff', 'catalog', {});
  const row = data?.teams.find((t) => t.id === id) ?? null;
  return (
    <StatusView loading={loading} error={error} onRetry={retry} empty={Boolean(data) && !row} emptyText='没有找到这个服务队'>
      {row ? <Editor row={row} /> : null}
    </StatusView>
  );
}

/** 发布服务队 / 修改服务队: name, category, description, skills wanted, and its posts (定岗定责: name, duties, places). */
export default function StaffTeamEdit() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <StaffPage askWho={!id} title={id ? '修改志愿服务队' : '发布志愿服务队'} intro='有人报名的岗位不能去掉，只能改名称、职责和人数。'>
      {id ? <EditTeam id={id} /> : <Editor row={null} />}
    </StaffPage>
  );
}
