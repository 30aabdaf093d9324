import { useCallback, useState, type ComponentType, type PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { RefusalContext, isRefusal } from '../services/refusal';
import { goTo } from '../services/routes';
import { useViewer } from '../services/viewer';
import type { AppError } from '../shared/errors';
import { BigButton } from './BigButton';
import { Page } from './Page';
import { PageTitle } from './PageTitle';
import './StaffPage.scss';

interface StaffPageProps {
  title: string;
  intro?: string;
  /** admins only (操作记录) */
  adminOnly?: boolean;
  /** for a screen with no call of its own on load: ask member.me who this is before showing it */
  askWho?: boolean;
  /** the error of a call the page makes itself, outside this frame: a refusal shows 没有权限 too */
  loadError?: AppError | null;
}

/**
 * Every screen of the staff section: shown only to staff and admins. The screen's own call is its one call: when
 * the function refuses it (AUTH.FORBIDDEN / AUTH.NOT_MEMBER), the screen is replaced by 没有权限 and a way back.
 * A screen with no call of its own (askWho) asks member.me first and is never mounted for anyone else.
 */
export function StaffPage({ title, intro, adminOnly = false, askWho = false, loadError = null, children }: PropsWithChildren<StaffPageProps>) {
  const viewer = useViewer(askWho);
  const [refused, setRefused] = useState(false);
  const onError = useCallback((error: AppError) => {
    if (isRefusal(error)) setRefused(true);
  }, []);
  const roleAllows = viewer?.role === 'admin' || (!adminOnly && viewer?.role === 'staff');
  const allowed = !refused && !(loadError && isRefusal(loadError)) && (!askWho || roleAllows);
  return (
    <Page>
      <PageTitle title={title} intro={allowed ? intro : undefined} />
      {askWho && viewer === undefined ? (
        <View className='status'>
          <Text className='status__text'>正在加载…</Text>
        </View>
      ) : allowed ? (
        <RefusalContext.Provider value={onError}>{children}</RefusalContext.Provider>
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

/** The page's query parameters, as a staff screen's body receives them. */
export interface ScreenParams {
  params: Partial<Record<string, string>>;
}

/**
 * A staff screen's page component: its body inside the StaffPage frame, e.g.
 * `export default staffScreen({ title: '通知管理', intro: '…' }, Notices);` (the body gets the page's `params`).
 */
export function staffScreen(frame: StaffPageProps, Body: ComponentType<ScreenParams>): ComponentType {
  return function StaffScreen() {
    const { params } = useRouter();
    return (
      <StaffPage {...frame}>
        <Body params={params} />
      </StaffPage>
    );
  };
}
