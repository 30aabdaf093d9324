import type { ComponentType, PropsWithChildren, ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/BigButton';
import { Notice } from '../../../components/Notice';
import { StaffPage } from '../../../components/StaffPage';
import { StatusView } from '../../../components/StatusView';
import { openPage } from '../../../services/routes';
import { useCloud } from '../../../services/useCloud';
import type { CatalogItemData, CatalogKind, StaffActivityRow, StaffAssociationRow, StaffCourseRow, StaffTeamRow } from '../../../shared/contracts-staff';

interface RowByKind {
  activity: StaffActivityRow;
  course: StaffCourseRow;
  association: StaffAssociationRow;
  team: StaffTeamRow;
}
export type RowOf<K extends CatalogKind> = RowByKind[K];

/** What an editor gets: the row it edits (null when new), the course form's term and campuses, its save label. */
export interface EditorInput<K extends CatalogKind> {
  row: RowOf<K> | null;
  term: CatalogItemData['term'];
  campuses: CatalogItemData['campuses'];
  /** the label of the save button, which the page's instruction names */
  saveLabel: string;
}

interface EditorShellProps<K extends CatalogKind> {
  kind: K;
  /** e.g. 活动: titles 发布活动 / 修改活动 */
  noun: string;
  intro?: string;
  emptyText: string;
  children: (input: EditorInput<K>) => ReactNode;
}

function rowOf<K extends CatalogKind>(kind: K, data: CatalogItemData): RowOf<K> | null {
  if (!data.item || data.item.kind !== kind) return null;
  const row: unknown = data.item.row; // the kind matched, so the row is that kind's
  return row as RowOf<K>;
}

function Loaded<K extends CatalogKind>({ kind, id, emptyText, saveLabel, children }: Omit<EditorShellProps<K>, 'noun' | 'intro'> & { id: string; saveLabel: string }) {
  const { loading, error, data, retry } = useCloud('staff', 'catalogItem', id ? { kind, id } : { kind });
  const row = data ? rowOf(kind, data) : null;
  return (
    <StatusView loading={loading} error={error} onRetry={retry} empty={Boolean(data && id && !row)} emptyText={emptyText}>
      {data ? children({ row, term: data.term, campuses: data.campuses, saveLabel }) : null}
    </StatusView>
  );
}

/**
 * The frame of every catalog editor (活动, 课程, 协会, 服务队): 发布X or 修改X by the page's id, the one row it edits
 * loaded by catalogItem (a new course also needs the term and campuses), and an instruction that names the button.
 */
export function EditorShell<K extends CatalogKind>({ kind, noun, intro, emptyText, children }: EditorShellProps<K>) {
  const { params } = useRouter();
  const id = params.id ?? '';
  const saveLabel = id ? '保存修改' : `发布${noun}`;
  const how = `写好后点最下面的“${saveLabel}”。`;
  return (
    <StaffPage askWho={!id} title={id ? `修改${noun}` : `发布${noun}`} intro={intro ? `${intro}${how}` : how}>
      {id || kind === 'course' ? (
        <Loaded kind={kind} id={id} emptyText={emptyText} saveLabel={saveLabel}>
          {children}
        </Loaded>
      ) : (
        children({ row: null, term: null, campuses: [], saveLabel })
      )}
    </StaffPage>
  );
}

interface SavedProps {
  notice: string;
  roster: { label: string; kind: CatalogKind; id: string };
  back: { label: string; route: 'staffActivities' | 'staffCourses' | 'staffGroups' };
}

/** After a save: what happened, what was saved (children), its roster and the way back to its list. */
export function Saved({ notice, roster, back, children }: PropsWithChildren<SavedProps>) {
  return (
    <>
      <Notice kind='done'>{notice}</Notice>
      {children}
      <BigButton onClick={() => openPage('staffGroupRoster', { kind: roster.kind, id: roster.id })}>{roster.label}</BigButton>
      <BigButton kind='secondary' onClick={() => openPage(back.route)}>
        {back.label}
      </BigButton>
    </>
  );
}

/** An editor page's component: `export default editorPage({ kind: 'activity', noun: '活动', emptyText: '…' }, Editor);` */
export function editorPage<K extends CatalogKind>(shell: Omit<EditorShellProps<K>, 'children'>, Editor: ComponentType<EditorInput<K>>): ComponentType {
  return function EditorPage() {
    return <EditorShell {...shell}>{(input) => <Editor {...input} />}</EditorShell>;
  };
}
