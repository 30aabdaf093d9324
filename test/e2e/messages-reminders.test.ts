/**
 * Reminders on the preview (issue 15): moving the local clock to the evening before a seeded activity fires the
 * scheduler's timer trigger; /local/outbox lists the reminders as JSON, and the member's 消息 shows them (home
 * tile with the count, then the list), checked at normal and largest text. Runs against the H5 build in H5_DIR.
 */
import { beijingTime } from '../../local/seed/clock';
import { localClock } from '../../local/clock';
import type { PhoneListRow } from '../../src/shared/messages';
import { api, baseUrl, startStage, tile, waitText, type Stage, checkScreen, signIn } from '../support/e2e';

let stage: Stage;

beforeAll(async () => {
  stage = await startStage('messages');
}, 120000);

afterAll(async () => {
  localClock.reset();
  await stage?.stop();
});

interface OutboxMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

test('the evening before the 讲座: reminders in the outbox and in 消息', async () => {
  const url = baseUrl(stage.preview.url);
  // the seeded 防范养老诈骗讲座 starts tomorrow at 09:30 Beijing: its evening before is today from 18:00, and its
  // 2-hours-before reminder not before tomorrow 07:30. Move past a scheduler tick (every 10 minutes) into that evening.
  const now = localClock.now();
  const evening = new Date(Math.max(beijingTime(now, 0, 18, 5).getTime(), now.getTime() + 11 * 60_000));
  const moved = await fetch(`${url}/local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: evening.toISOString() }) });
  expect(moved.status).toBe(200);
  const body = (await moved.json()) as { now: string; fired: { functionName: string; ok: boolean }[] };
  expect(body.fired.length).toBeGreaterThan(0);
  expect(body.fired.every((f) => f.ok && f.functionName === 'scheduler')).toBe(true);

  const outbox = (await (await fetch(`${url}/local/outbox`, { headers: { accept: 'application/json' } })).json()) as OutboxMessage[];
  const reminders = outbox.filter((m) => m.data.thing1?.value.includes('防范养老诈骗讲座'));
  // 王建国, his daughter acting for him, and 刘振山; the two roster members without WeChat are for the phone list
  expect(reminders.map((m) => m.touser).sort()).toEqual(['demo-helper', 'demo-lixiu', 'demo-member']);
  for (const message of reminders) {
    expect(message.templateId).toBe('TPL_ACTIVITY_REMINDER');
    expect(message.page).toBe('pages/messages/index');
    expect(message.data.thing3?.value).toBe('城东街道滨河社区党群服务中心');
    expect(message.data.thing4?.value).toBe('带上老花镜和常用手机');
  }

  await signIn(stage.page, stage.preview.url, 'demo-member');
  await waitText(stage.page, '条新消息');
  await tile(stage.page, '消息').click();
  await checkScreen(stage.page, 'messages-inbox', '明天活动提醒：防范养老诈骗讲座');
}, 180000);

test('staff see the members WeChat could not reach on 需电话通知, with a call button, and mark them phoned', async () => {
  const { page } = stage;
  await signIn(page, stage.preview.url, 'demo-staff');
  await page.goto(`${baseUrl(stage.preview.url)}/#/pages/staff/messages/phone/index`);
  await waitText(page, '明天活动提醒：防范养老诈骗讲座');
  // every member WeChat could not reach (among them the roster members without WeChat holding places in the 讲座)
  const rows = (await api<{ rows: PhoneListRow[] }>(stage.preview.url, 'demo-staff', 'messages', 'phoneList')).rows;
  expect(rows.filter((r) => r.title.includes('防范养老诈骗讲座')).map((r) => r.memberId)).toEqual(expect.arrayContaining(['member-0004', 'member-0005']));
  expect(await page.locator('.big-button:visible', { hasText: '打电话' }).count()).toBe(rows.length);
  await checkScreen(page, 'staff-messages-phone', '明天活动提醒：防范养老诈骗讲座');
  await page.locator('.big-button:visible', { hasText: '已电话通知' }).first().click();
  await waitText(page, '已记下：电话通知过了');
}, 120000);
