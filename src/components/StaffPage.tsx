import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { goTo } from '../services/routes';
import { useViewer } from '../services/viewer';
import { BigButton } from './BigButton';
import { Page } from './Page';
import { PageTitle } from './PageTitle';
import './StaffPage.scss';

interface StaffPageProps {
  title: string;
  intro?: string;
  /** admins only (操作记录) */
  adminOnly?: boolean;
}

/**
 * Every screen of the staff section: shown only to staff and admins. Anyone else gets 没有权限 and a way back, and
 * the screen's content (with its cloud calls) is never mounted for them; the functions refuse them anyway.
 */
export function StaffPage({ title, intro, adminOnly = false, children }: PropsWithChildren<StaffPageProps>) {
  const viewer = useViewer();
  const allowed = viewer?.role === 'admin' || (!adminOnly && viewer?.role === 'staff');
  return (
    <Page>
      <PageTitle title={title} intro={allowed ? intro : undefined} />
      {viewer === undefined ? (
        <View className='status'>
          <Text className='status__text'>正在加载…</Text>
        </View>
      ) : allowed ? (
        children
      ) : (
        <View className='staff-denied' role='alert'>
          <Text className='staff-denied__title'>没有权限</Text>
          <Text className='staff-denied__text'>
            {adminOnly ? '这一页只有管理员能看。需要查看请联系管理员。' : '这一页是老干部局工作人员用的。如果您是工作人员，请联系管理员开通。'}
          </Text>
          <BigButton onClick={() => goTo('me')}>回到“我的”</BigButton>
        </View>
      )}
    </Page>
  );
}
