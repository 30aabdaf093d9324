/** Where each screen lives (tab pages in the main package, the rest in subpackages; see app.config.ts). */
import Taro from '@tarojs/taro';

export const ROUTES = {
  home: '/pages/index/index',
  me: '/pages/me/index',
  help: '/pages/help/index',
  bind: '/pages/bind/index',
  review: '/pages/bind/review',
  profile: '/pages/profile/index',
  deletion: '/pages/profile/delete',
  family: '/pages/family/index',
  invite: '/pages/invite/index',
} as const;

type Route = keyof typeof ROUTES;

function withQuery(url: string, query: Record<string, string> = {}): string {
  const pairs = Object.entries(query).filter(([, value]) => value !== '');
  return pairs.length ? `${url}?${pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}` : url;
}

/** Opens a screen on top of the current one. */
export function openPage(route: Route, query?: Record<string, string>): void {
  void Taro.navigateTo({ url: withQuery(ROUTES[route], query) });
}

/** Starts over on 我的 (after binding or accepting an invitation: every screen must see the new identity). */
export function restartAtMe(): void {
  void Taro.reLaunch({ url: ROUTES.me });
}
