/**
 * 就近入学 in the weapp build: the member taps 按离我远近排序 → 用我现在的位置 on 老年大学选课; a fake
 * wx.getLocation answers a point at 河口分校, the list comes back from the real `enrollment` function (seeded demo
 * county) nearest first with distances in words, one call per sort, and the position goes only into that request.
 */
import type { CourseListData } from '../../src/shared/contracts-enrollment';
import { distanceWords } from '../../src/shared/distance';
import type { Result } from '../../src/shared/result';
import type { Screen } from '../../src/shared/screen';
import { recordingCloud, startBackend, type Backend, type RecordedCall } from './backend-client';
import { bootWeapp, loadPage, waitFor, type LoadedPage } from './simulator';

const OPENID = 'demo-member';
const AT_HEKOU = { longitude: 117.1481, latitude: 35.9321 };

describe('weapp: courses sorted by distance', () => {
  let backend: Backend;
  let calls: RecordedCall[];
  const locationAsks: unknown[] = [];
  let page: LoadedPage;

  beforeAll(async () => {
    backend = await startBackend();
    const recording = recordingCloud(backend, OPENID);
    calls = recording.calls;
    const simulate = bootWeapp(
      recording.cloud,
      (wx) => {
        // WeChat asks the member (scope.userLocation) and answers GCJ-02; here the member said yes
        wx.getLocation = (options: { type?: string; success?: (r: unknown) => void; complete?: () => void }) => {
          locationAsks.push(options.type);
          setTimeout(() => {
            options.success?.({ ...AT_HEKOU, accuracy: 30, errMsg: 'getLocation:ok' });
            options.complete?.();
          }, 5);
        };
      },
    );
    page = await loadPage(simulate, 'pages/enroll/courses/index');
    await waitFor(() => page.text().includes('按离我远近排序'));
  }, 60_000);

  afterAll(async () => {
    page?.detach();
    await backend?.stop();
  });

  it('asks for the location only on the tap, sorts nearest first and shows the distance in words', async () => {
    expect(calls).toHaveLength(1);
    expect(calls[0]!.data).toMatchObject({ action: 'courses', payload: {} });
    expect(locationAsks).toHaveLength(0);

    page.tapDeep('big-button', '按离我远近排序');
    await waitFor(() => page.text().includes('用我现在的位置'));
    expect(page.text()).toContain('位置只用这一次，不会保存');
    page.tapDeep('big-button', '用我现在的位置');
    await waitFor(() => page.text().includes('按离您现在的位置由近到远排列'));

    expect(locationAsks).toEqual(['gcj02']);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.data).toEqual({ action: 'courses', payload: { near: AT_HEKOU } });
    const result = calls[1]!.result as Result<Screen<CourseListData>>;
    if (!result.ok) throw new Error(result.error.code);
    const { courses, campuses } = result.data;
    expect(campuses[0]).toMatchObject({ id: 'campus-hekou', nearest: true });
    expect(courses[0]!.campusId).toBe('campus-hekou');
    const text = page.text();
    // the nearest course comes before any course of the main school, each with its distance in words
    const firstMain = courses.find((c) => c.campusId === 'campus-main')!;
    expect(text.indexOf(courses[0]!.title)).toBeLessThan(text.indexOf(firstMain.title));
    expect(text).toContain(`距离：${distanceWords(courses[0]!.distanceM!)}`);
    expect(text).toContain(`距离：${distanceWords(firstMain.distanceM!)}`);
    expect(distanceWords(firstMain.distanceM!)).toMatch(/^约 1\d 公里$/);
  });

  it('goes back to the usual order with one more call and no location', async () => {
    page.tapDeep('big-button', '改回按上课地点排列');
    await waitFor(() => page.text().includes('按离我远近排序'));
    expect(calls).toHaveLength(3);
    expect(calls[2]!.data).toMatchObject({ action: 'courses', payload: {} });
    expect(page.text()).not.toContain('距离：');
    expect(locationAsks).toHaveLength(1);
  });
});
