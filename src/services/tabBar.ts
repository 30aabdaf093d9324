/**
 * The app's own tab bar (custom-tab-bar in the weapp, the same component at the foot of each tab page in H5):
 * which tab is showing and the unread badges. Badges are generic: any screen that learns how much news a tab
 * has reports it under its own source (e.g. 'notices', 'messages'); the tab shows the sum.
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ROUTES } from './routes';

export type TabKey = 'home' | 'activities' | 'me';

export interface Tab {
  key: TabKey;
  text: string;
  url: string;
}

export const TABS: readonly Tab[] = [
  { key: 'home', text: '首页', url: ROUTES.home },
  { key: 'activities', text: '活动', url: ROUTES.activities },
  { key: 'me', text: '我的', url: ROUTES.me },
];

export interface TabBarState {
  selected: TabKey;
  /** unread count per tab (sum of its sources) */
  badges: Record<TabKey, number>;
}

const sources: Record<TabKey, Map<string, number>> = { home: new Map(), activities: new Map(), me: new Map() };
let state: TabBarState = { selected: 'home', badges: { home: 0, activities: 0, me: 0 } };
const listeners = new Set<(next: TabBarState) => void>();

function publish(next: TabBarState): void {
  state = next;
  listeners.forEach((listener) => listener(state));
}

function sum(tab: TabKey): number {
  let total = 0;
  sources[tab].forEach((n) => (total += n));
  return total;
}

/** A tab page came into view. */
export function selectTab(key: TabKey): void {
  if (state.selected !== key) publish({ ...state, selected: key });
}

/** How much news `source` has for `tab` (0 clears it). Negative or non-finite counts count as 0. */
export function setTabBadge(tab: TabKey, source: string, count: number): void {
  sources[tab].set(source, Number.isFinite(count) && count > 0 ? Math.floor(count) : 0);
  const total = sum(tab);
  if (state.badges[tab] !== total) publish({ ...state, badges: { ...state.badges, [tab]: total } });
}

export function tabBarState(): TabBarState {
  return state;
}

export function useTabBar(): TabBarState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return current;
}

export function openTab(tab: Tab): void {
  if (tab.key === state.selected) return;
  selectTab(tab.key);
  void Taro.switchTab({ url: tab.url });
}

/** What a screen reader says for a tab, e.g. '首页，当前页，3条未读'. */
export function tabLabel(tab: Tab, selected: boolean, badge: number): string {
  return [tab.text, selected ? '当前页' : '', badge > 0 ? `${badge}条未读` : ''].filter(Boolean).join('，');
}

/** Reports a screen's answer as a tab's news (undefined: not known yet, nothing changes; null: none). */
export function useTabBadge(tab: TabKey, source: string, count: number | null | undefined): void {
  useEffect(() => {
    if (count !== undefined) setTabBadge(tab, source, count ?? 0);
  }, [tab, source, count]);
}
