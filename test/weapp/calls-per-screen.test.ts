/**
 * One cloud call per screen: every page of the weapp build (dist/weapp/app.json, subpackages included) is loaded
 * in miniprogram-simulate against the real functions and seeded emulator, and the calls it makes on load are
 * counted. Member pages open as 王建国, staff pages as the admin 周明 (their first screen included: no member.me
 * before the screen's own call).
 */
import fs from 'node:fs';
import path from 'node:path';
import { recordingCloud, startBackend, type Backend, type RecordingCloud } from './backend-client';
import { bootWeapp, loadPage, WEAPP_DIR } from './simulator';

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
}

function allPages(): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8')) as AppJson;
  const sub = (app.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => path.posix.join(pkg.root, page)));
  // staff pages first: the admin's member.me is then the session's, asked by the first askWho page
  const all = [...app.pages, ...sub];
  return [...all.filter((p) => p.startsWith('pages/staff/')), ...all.filter((p) => !p.startsWith('pages/staff/'))];
}

/** Pages with nothing to ask the cloud until the person acts: the 核对 step of binding (it shows
 * what was typed), an invitation opened without a code. */
const NO_CALL_PAGES = new Set(['pages/bind/review', 'pages/invite/index', 'pages/staff/settings/claim/index']);
/** Pages whose one call is member.me (no screen data of their own): asked once per session, so 0 once known. */
const SESSION_ONLY = new Set([
  'pages/help/index',
  'pages/checkin/scan/index',
  'pages/staff/roster/import/index',
  'pages/staff/visits/record/index',
  'pages/staff/catalog/activity-edit/index',
  'pages/staff/catalog/association-edit/index',
  'pages/staff/catalog/team-edit/index',
  'pages/staff/hotline/log/index',
]);
/** Opened the way the app opens them. */
const QUERIES: Record<string, Record<string, string>> = {
  'pages/staff/catalog/group-roster/index': { kind: 'activity', id: 'activity-x' },
  'pages/checkin/board/index': { kind: 'activity', id: 'activity-x' },
  'pages/staff/roster/member/index': { memberId: 'member-0001' },
};

describe('weapp: cloud calls on load', () => {
  let backend: Backend;
  let openid = 'demo-member';
  let cloud: RecordingCloud;
  let simulate: ReturnType<typeof bootWeapp>;

  beforeAll(async () => {
    backend = await startBackend();
    cloud = recordingCloud(backend, () => openid);
    simulate = bootWeapp(cloud.cloud);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('every page makes exactly one cloud call when it opens', async () => {
    const pages = allPages();
    expect(pages.length).toBeGreaterThan(40);
    const counts: Record<string, string[]> = {};
    for (const route of pages) {
      openid = route.startsWith('pages/staff/') ? 'demo-admin' : 'demo-member';
      cloud.calls.length = 0;
      const page = await loadPage(simulate, route, QUERIES[route]);
      // Taro renders and calls asynchronously: wait until no call is in flight and none started for a while
      await cloud.settled();
      counts[route] = cloud.names();
      page.detach();
    }
    const table = Object.entries(counts).map(([route, made]) => `${made.length} ${route} ${made.join(' ')}`);
    process.stdout.write(`calls on load per page:\n${table.join('\n')}\n`);
    // The app's start asks member.me once per session (the account's preferences, services/preferences.ts): it lands
    // on the first page opened and is counted with the session's member.me below, not as that page's call.
    const first = pages[0] as string;
    counts[first] = (counts[first] ?? []).filter((c, i, all) => c !== 'member.me' || all.indexOf(c) !== i);
    const wrong = Object.entries(counts).filter(([route, made]) =>
      NO_CALL_PAGES.has(route) ? made.length !== 0 : SESSION_ONLY.has(route) ? made.length > 1 || made.some((c) => c !== 'member.me') : made.length !== 1,
    );
    expect(wrong).toEqual([]);
    // The session's member.me is asked at most once in all (StaffPage asks nothing before a screen's own call).
    expect(Object.values(counts).flat().filter((c) => c === 'member.me').length).toBeLessThanOrEqual(2);
  }, 300_000);
});
