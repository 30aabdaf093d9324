/**
 * The weapp's custom tab bar (dist/weapp/custom-tab-bar) in miniprogram-simulate: icons and labels, the selected
 * tab marked without colour alone, the unread badge counted from the real catalog.home answer, and sizes that
 * follow WeChat's font setting and the large-text switch (label ≥ 18 px, tabs ≥ 60 px tall at the standard size).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { HomeData } from '../../src/shared/contracts';
import { recordingCloud, startBackend, type Backend } from './backend-client';
import { bootWeapp, loadPage, waitFor, WEAPP_DIR, type LoadedPage } from './simulator';

/** The em value of `property` in the rule for `selector`, from the built WXSS (custom-tab-bar's or shared). */
function emOf(selector: string, property: string): number {
  const files = [path.join(WEAPP_DIR, 'custom-tab-bar', 'index.wxss'), path.join(WEAPP_DIR, 'app-origin.wxss'), path.join(WEAPP_DIR, 'common.wxss')];
  const css = files.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  const rule = new RegExp(`\\${selector}\\s*\\{([^}]*)\\}`).exec(css);
  if (!rule) throw new Error(`no WXSS rule for ${selector}`);
  const value = new RegExp(`(?:^|;|\\s)${property}\\s*:\\s*([\\d.]+)em`).exec(rule[1]!);
  if (!value) throw new Error(`${selector} has no ${property} in em: ${rule[1]}`);
  return Number(value[1]);
}

/** Taro's render tree (setData): each node has cl (class), st (style), cn (children), v (text) and its props. */
interface TaroNode {
  cl?: string;
  st?: string;
  v?: string;
  cn?: TaroNode[];
  ariaLabel?: string;
  ariaCurrent?: string;
  [prop: string]: unknown;
}

function withClass(bar: LoadedPage, name: string): TaroNode[] {
  const found: TaroNode[] = [];
  const walk = (node: TaroNode) => {
    if (node.cl?.split(' ').includes(name)) found.push(node);
    node.cn?.forEach(walk);
  };
  walk(bar.data().root as TaroNode);
  return found;
}

function textOf(node: TaroNode): string {
  return (node.v ?? '') + (node.cn ?? []).map(textOf).join('');
}

/** The icon's image (a data URI in its background-image). */
function srcOf(node: TaroNode): string {
  const src = /url\("?(data:image\/svg\+xml;base64,[^")]+)/.exec(node.st ?? '')?.[1];
  if (!src) throw new Error(`icon without an image: ${node.st}`);
  return src;
}

/** The bar's root font size in px (inline style set from WeChat's font size and the switch). */
function rootPx(bar: LoadedPage): number {
  const root = withClass(bar, 'tab-bar')[0];
  const match = /font-size:\s*([\d.]+)px/.exec(root?.st ?? '');
  if (!match) throw new Error(`tab bar root has no px font size: ${root?.st}`);
  return Number(match[1]);
}

describe('weapp custom tab bar', () => {
  let backend: Backend;
  let home: HomeData;
  let bar: LoadedPage;
  let simulate: ReturnType<typeof bootWeapp>;
  const wx = () => (globalThis as unknown as { wx: { getSystemInfoSync: () => Record<string, unknown> } }).wx;

  beforeAll(async () => {
    backend = await startBackend();
    const cloud = recordingCloud(backend, 'demo-member');
    simulate = bootWeapp(cloud.cloud);
    const page = await loadPage(simulate, 'pages/index/index');
    await waitFor(() => page.text().includes('您好'));
    home = cloud.answers<HomeData>('catalog', 'home').at(-1)!;
    bar = await loadPage(simulate, 'custom-tab-bar/index');
    await waitFor(() => bar.text().includes('首页'));
  });

  afterAll(async () => {
    bar?.detach();
    await backend?.stop();
  });

  it('is declared as the custom tab bar with the three tab pages', () => {
    const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8')) as { tabBar: { custom: boolean; list: { pagePath: string }[] } };
    expect(app.tabBar.custom).toBe(true);
    expect(app.tabBar.list.map((t) => t.pagePath)).toEqual(['pages/index/index', 'pages/activities/index', 'pages/me/index']);
    expect(JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'custom-tab-bar', 'index.json'), 'utf8'))).toMatchObject({ component: true, styleIsolation: 'apply-shared' });
  });

  it('shows an icon and a label per tab, 首页 selected by more than colour, and the unread notices as a badge', async () => {
    const items = () => withClass(bar, 'tab-bar__item');
    expect(items().map(textOf)).toEqual(['首页', '活动', '我的'].map((t, i) => (i === 0 ? expect.stringContaining(t) : t)));
    const selected = withClass(bar, 'tab-bar__item--selected');
    expect(selected).toHaveLength(1);
    expect(textOf(selected[0]!)).toContain('首页');
    expect(selected[0]!.ariaCurrent).toBe('page');
    expect(selected[0]!.ariaLabel).toContain('当前页');
    // not colour alone: the selected tab has its own filled icon, not the outline the others have
    const icons = withClass(bar, 'tab-bar__icon').map(srcOf);
    expect(icons).toHaveLength(3);
    const filled = Buffer.from(icons[0]!.split(',')[1]!, 'base64').toString('utf8');
    expect(filled).toMatch(/fill="#9b2226"/);
    for (const idle of icons.slice(1)) expect(Buffer.from(idle.split(',')[1]!, 'base64').toString('utf8')).not.toMatch(/fill="#9b2226"/);

    expect(home.unreadNotices).toBeGreaterThan(0);
    await waitFor(() => withClass(bar, 'tab-bar__badge').length > 0);
    const badges = withClass(bar, 'tab-bar__badge');
    expect(badges).toHaveLength(1);
    expect(textOf(badges[0]!)).toBe(String(home.unreadNotices));
    expect(items()[0]!.ariaLabel).toBe(`首页，当前页，${home.unreadNotices}条未读`);
    expect(items()[1]!.ariaLabel).toBe('活动');
  });

  it('has labels of at least 18 px and tabs at least 60 px tall at the standard size', () => {
    expect(rootPx(bar)).toBe(16);
    expect(emOf('.tab-bar__label', 'font-size') * rootPx(bar)).toBeGreaterThanOrEqual(18);
    expect(emOf('.tab-bar__item', 'min-height') * rootPx(bar)).toBeGreaterThanOrEqual(60);
  });

  it('grows with WeChat’s font setting and the large-text switch', async () => {
    const original = wx().getSystemInfoSync;
    wx().getSystemInfoSync = () => ({ ...original(), fontSizeSetting: 20 });
    try {
      const me = await loadPage(simulate, 'pages/me/index');
      await waitFor(() => me.text().includes('把字调大'));
      me.tap('.text-size .big-button');
      await waitFor(() => withClass(bar, 'tab-bar--large').length > 0);
      expect(rootPx(bar)).toBe(Math.round(20 * 1.35));
      expect(emOf('.tab-bar__label', 'font-size') * rootPx(bar)).toBeGreaterThanOrEqual(18 * 1.35 * 1.25);
      me.detach();
    } finally {
      wx().getSystemInfoSync = original;
    }
  });
});
