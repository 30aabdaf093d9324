/**
 * Loads Taro's weapp build (dist/weapp) into miniprogram-simulate with the official wxml compiler.
 * miniprogram-simulate knows components only, so App/getApp/getCurrentPages are defined here and Page()
 * becomes a Component whose lifetimes drive Taro's page hooks. wx.cloud (absent from its wx mock) is
 * supplied by the caller.
 */
import fs from 'node:fs';
import path from 'node:path';

export const WEAPP_DIR = path.resolve(__dirname, '..', '..', 'dist', 'weapp');

type AnyRecord = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

export interface WxCloud {
  init(options?: unknown): void;
  callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }>;
}

export interface LoadedPage {
  /** The page's rendered DOM (jsdom). */
  dom: HTMLElement;
  /** Text of the page with whitespace collapsed. */
  text(): string;
  /** The page instance's setData state. */
  data(): AnyRecord;
  /** Taps the first element matching the selector (within this page's own template) whose text is `text`. */
  tap(selector: string, text?: string): void;
  /** Taps the first element with the class (at any depth, nested components too) whose text is `text`. */
  tapDeep(className: string, text?: string): void;
  /** Touches the first element matching the selector and keeps the finger there (touchstart). */
  press(selector: string): void;
  /** Lifts the finger (touchend). */
  release(selector: string): void;
  /** Fires a component event (e.g. a video's timeupdate) with its detail at the first element matching the selector, at any depth. */
  fire(selector: string, name: string, detail?: AnyRecord): void;
  detach(): void;
}

interface Rendered {
  attach(parent: Element): void;
  detach(): void;
  dom: HTMLElement;
  data: AnyRecord;
  querySelectorAll(selector: string): { dom: HTMLElement; dispatchEvent(name: string, options?: AnyRecord): void }[];
}

interface Simulate {
  load(componentPath: string, options: { compiler: 'official'; rootPath: string }): string;
  render(id: string): Rendered;
  sleep(ms: number): Promise<void>;
}

let app: AnyRecord | null = null;
let currentPages: AnyRecord[] = [];
/** The query the next loaded page opens with (its onLoad options). */
let nextQuery: Record<string, string> = {};

function pageAsComponent(config: AnyRecord): AnyRecord {
  const methods: Record<string, Fn> = {};
  for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value as Fn;
  const call = (self: AnyRecord, name: string, ...args: unknown[]) => (self[name] as Fn | undefined)?.apply(self, args);
  return {
    data: config.data ?? {},
    options: config.options,
    methods,
    lifetimes: {
      attached(this: AnyRecord) {
        currentPages.push(this);
        call(this, 'onLoad', nextQuery);
      },
      ready(this: AnyRecord) {
        call(this, 'onReady');
        call(this, 'onShow');
      },
      detached(this: AnyRecord) {
        call(this, 'onUnload');
        currentPages = currentPages.filter((page) => page !== this);
      },
    },
  };
}

/**
 * Installs the app globals, wx.cloud and the built app.js. Call once per test file. `setup` may replace wx APIs
 * (e.g. the audio player) before the app loads.
 */
export function bootWeapp(cloud: WxCloud, setup?: (wx: AnyRecord) => void): Simulate {
  if (!fs.existsSync(path.join(WEAPP_DIR, 'app.js'))) {
    throw new Error('dist/weapp is missing: run `npm run build:weapp` first');
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate;
  const g = globalThis as unknown as AnyRecord & { wx: AnyRecord; Component: (options: AnyRecord) => void };
  g.wx.cloud = cloud;
  setup?.(g.wx);
  // Taro passes {} where WeChat allows an object for behaviors; j-component wants an array
  const register = g.Component;
  g.Component = (options: AnyRecord) => register({ ...options, behaviors: Array.isArray(options.behaviors) ? options.behaviors : [] });
  g.App = (config: AnyRecord) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => currentPages;
  g.Page = (config: AnyRecord) => g.Component(pageAsComponent(config));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(WEAPP_DIR, 'app.js'));
  if (!app) throw new Error('dist/weapp/app.js did not call App()');
  const launch = { path: 'pages/index/index', query: {}, scene: 1001 };
  (app.onLaunch as Fn | undefined)?.call(app, launch);
  (app.onShow as Fn | undefined)?.call(app, launch);
  return simulate;
}

/** A page's component id: its script registers once per process (require cache), so the same page opens again from it. */
const loadedIds = new Map<string, string>();

export async function loadPage(simulate: Simulate, route: string, query: Record<string, string> = {}): Promise<LoadedPage> {
  nextQuery = query;
  const id = loadedIds.get(route) ?? simulate.load(path.join(WEAPP_DIR, route), { compiler: 'official', rootPath: WEAPP_DIR });
  loadedIds.set(route, id);
  const page = simulate.render(id);
  const parent = document.createElement('div');
  document.body.appendChild(parent);
  page.attach(parent);
  return {
    dom: page.dom,
    text: () => deepText(page.dom).replace(/\s+/g, ' ').trim(),
    data: () => page.data,
    tap: (selector, text) => {
      const target = page.querySelectorAll(selector).find((node) => text === undefined || (node.dom.textContent ?? '').trim() === text);
      if (!target) throw new Error(`nothing matches ${selector}${text === undefined ? '' : ` with text ${text}`}`);
      target.dispatchEvent('tap');
    },
    tapDeep: (className, text) => touch(className, 'tap', text),
    press: (selector) => touch(selector, 'touchstart'),
    release: (selector) => touch(selector, 'touchend'),
    fire: (selector, name, detail = {}) => {
      const el = deepFind(page.dom, selector) as (HTMLElement & { __wxElement?: unknown }) | null;
      if (!el?.__wxElement) throw new Error(`nothing matches ${selector}`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exparser = require('miniprogram-exparser') as { Event: { dispatchEvent(target: unknown, event: unknown): void; create(name: string, detail: unknown, options: AnyRecord): unknown } };
      exparser.Event.dispatchEvent(el.__wxElement, exparser.Event.create(name, detail, { bubbles: false, composed: false }));
    },
    detach: () => page.detach(),
  };
  /** Fires a WeChat event at the first DOM element with the class, at any depth (Taro nests deep trees in comp). */
  function touch(className: string, name: string, text?: string): void {
    const el = deepFind(page.dom, `[class*="${className.replace(/^\./, '')}"]`, text) as (HTMLElement & { __wxElement?: unknown }) | null;
    if (!el?.__wxElement) throw new Error(`nothing matches ${className}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exparser = require('miniprogram-exparser') as { Event: { dispatchEvent(target: unknown, event: unknown): void; create(name: string, detail: unknown, options: AnyRecord): unknown } };
    const touches = [{ identifier: 0, pageX: 0, pageY: 0, clientX: 0, clientY: 0 }];
    exparser.Event.dispatchEvent(
      el.__wxElement,
      exparser.Event.create(name, {}, { bubbles: true, composed: true, extraFields: { touches: name === 'touchend' ? [] : touches, changedTouches: touches } }),
    );
  }
}

/** Text content including nested components' shadow roots (Taro renders deep trees through comp). */
function deepText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  const el = node as Element;
  const own = el.shadowRoot ? deepText(el.shadowRoot) : '';
  return own + Array.from(node.childNodes, deepText).join('');
}

/** The first element matching the selector, looking into nested components' shadow roots too. */
function deepFind(root: Element | ShadowRoot, selector: string, text?: string): Element | null {
  const here = Array.from(root.querySelectorAll(selector)).find((el) => text === undefined || deepText(el).trim() === text);
  if (here) return here;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.shadowRoot) {
      const found = deepFind(el.shadowRoot, selector, text);
      if (found) return found;
    }
  }
  return null;
}

/** The page's data key bound to a <page-meta> attribute in the built template, e.g. 'p4'. */
export function pageMetaKey(route: string, attribute: string): string | null {
  const wxml = fs.readFileSync(path.join(WEAPP_DIR, `${route}.wxml`), 'utf8');
  const match = new RegExp(`<page-meta[^>]*\\s${attribute}="\\{\\{pageMeta\\.(\\w+)`).exec(wxml);
  return match ? match[1]! : null;
}

/** Polls until the condition holds (Taro renders asynchronously through setData). */
export async function waitFor(condition: () => boolean, timeoutMs = 10000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the page to render');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
