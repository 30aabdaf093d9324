/** Server-rendered pages of the local preview: large text, big buttons, high contrast, zoomable. */
import { DEMO_ACCOUNTS, DEMO_GUESTS, ROLE_GROUPS, findDemoAccount, type DemoGuest } from '../seed/demo-accounts';
import { buildMembers } from '../seed/members';
import { escapeHtml } from './http';

export const PREVIEW_BANNER = '本地预览（仅供开发演示，不存在于小程序中）';

const STYLE = `
  html { font-size: 20px; -webkit-text-size-adjust: 100%; }
  body { margin: 0; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.6; color: #1a1a1a; background: #ffffff; }
  .banner { background: #7a2e00; color: #ffffff; padding: 0.8rem 1rem; font-size: 1rem; font-weight: bold; }
  main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.6rem; margin: 0.6rem 0; }
  h2 { font-size: 1.25rem; margin: 1.4rem 0 0.6rem; }
  p { font-size: 1rem; }
  .hint { margin: -0.4rem 0 0.8rem; font-size: 1rem; }
  .current { background: #eef4fb; border: 2px solid #0b4f8a; border-radius: 8px; padding: 0.6rem 0.8rem; }
  button, .button { display: block; box-sizing: border-box; width: 100%; min-height: 64px; margin: 0 0 0.8rem; padding: 0.6rem 1rem;
    font-size: 1.1rem; font-weight: bold; text-align: left; color: #ffffff; background: #0b4f8a; border: 0; border-radius: 10px; cursor: pointer; text-decoration: none; line-height: 1.5; }
  button:focus-visible, a:focus-visible { outline: 4px solid #f0b400; outline-offset: 2px; }
  .secondary { color: #0b4f8a; background: #ffffff; border: 2px solid #0b4f8a; text-align: center; }
  a { color: #0b4f8a; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  th, td { border: 1px solid #555555; padding: 0.4rem; text-align: left; vertical-align: top; word-break: break-all; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="banner" role="note">${PREVIEW_BANNER}</div>
<main>
${body}
</main>
</body>
</html>
`;
}

/** What a tester types to confirm a guest's identity: the roster entry's name and phone last 4 (the roster is deterministic). */
function guestHint(guest: DemoGuest): string {
  if (!guest.rosterMemberId) return '没有账号，用来输入老人给的邀请码，接受代办邀请。';
  const entry = buildMembers(new Date()).find((member) => member._id === guest.rosterMemberId);
  return entry ? `名册里有这个人，还没有绑定微信。确认身份时填：姓名 ${entry.name}，手机号后4位 ${entry.phone.slice(-4)}。` : '';
}

function guestSection(): string {
  const items = DEMO_GUESTS.map(
    (guest) =>
      `<button type="submit" name="openid" value="${escapeHtml(guest.openid)}">${escapeHtml(guest.label)}</button>\n<p class="hint">${escapeHtml(guestHint(guest))}</p>`,
  ).join('\n');
  return `<section aria-label="还没有身份"><h2>还没有身份（第一次打开）</h2>\n${items}\n</section>`;
}

/**
 * Signs in without leaving this page in the history: the app replaces it, so the browser's back from the app never
 * lands a signed-in person here. Without scripts the form posts as usual.
 */
const REPLACE_SIGNIN = `document.getElementById('signin').addEventListener('submit', function (event) {
  var who = event.submitter;
  if (!who || !window.fetch) return;
  event.preventDefault();
  var body = new URLSearchParams();
  body.set('openid', who.value);
  fetch('/local/signin', { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual' }).then(function () {
    try { localStorage.removeItem('prefsSynced'); } catch (e) {} // another person: take over their preferences
    location.replace('/');
  }, function () {
    event.target.submit();
  });
});`;

export function signinPage(currentOpenid: string | null, notice?: string): string {
  const current = currentOpenid ? findDemoAccount(currentOpenid) : undefined;
  const currentText = currentOpenid
    ? `当前身份：${escapeHtml(current?.label ?? currentOpenid)}`
    : '当前还没有选择身份。';
  const groups = ROLE_GROUPS.map(({ role, title }) => {
    const buttons = DEMO_ACCOUNTS.filter((account) => account.role === role)
      .map((account) => `<button type="submit" name="openid" value="${escapeHtml(account.openid)}">${escapeHtml(account.label)}</button>`)
      .join('\n');
    return buttons ? `<section aria-label="${escapeHtml(title)}"><h2>${escapeHtml(title)}</h2>\n${buttons}\n</section>` : '';
  }).join('\n');
  return layout(
    '选择演示身份 - 银龄通本地预览',
    `<h1>选择一个演示身份</h1>
<p>在真实的小程序里，身份来自微信。本地预览没有微信，请选一个演示身份进入。</p>
${notice ? `<p class="current" role="alert">${escapeHtml(notice)}</p>` : ''}
<p class="current">${currentText}</p>
<form method="post" action="/local/signin" id="signin">
${groups}
${guestSection()}
</form>
<script>${REPLACE_SIGNIN}</script>
<h2>其他</h2>
<a class="button secondary" href="/local/outbox">查看已发出的订阅消息</a>
${currentOpenid ? '<a class="button secondary" href="/local/signout">退出当前身份</a>' : ''}`,
  );
}

export interface OutboxEntry {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  sentAt: string;
}

export function outboxPage(messages: OutboxEntry[] | null): string {
  let content: string;
  if (messages === null) content = '<p role="alert">暂时连不上本地数据库模拟器，请稍后刷新。</p>';
  else if (messages.length === 0) content = '<p>还没有发出任何订阅消息。</p>';
  else {
    const rows = [...messages]
      .reverse()
      .map((m) => {
        const who = findDemoAccount(m.touser)?.label ?? m.touser;
        const data = Object.entries(m.data ?? {})
          .map(([key, entry]) => `${escapeHtml(key)}：${escapeHtml(String(entry?.value ?? ''))}`)
          .join('<br>');
        return `<tr><td>${escapeHtml(m.sentAt)}</td><td>${escapeHtml(who)}</td><td>${escapeHtml(m.templateId)}</td><td>${escapeHtml(m.page ?? '')}</td><td>${data}</td></tr>`;
      })
      .join('\n');
    content = `<table><thead><tr><th>发送时间</th><th>接收人</th><th>模板</th><th>点开后的页面</th><th>内容</th></tr></thead>\n<tbody>${rows}</tbody></table>`;
  }
  return layout(
    '订阅消息发件箱 - 银龄通本地预览',
    `<h1>订阅消息发件箱</h1>
<p>小程序通过微信发出的订阅消息，在本地预览里不会真的发出，都记在这里（最新的在最上面）。</p>
${content}
<p><a class="button secondary" href="/local/signin">返回选择身份</a></p>`,
  );
}

export function notBuiltPage(): string {
  return layout(
    '网页版还没有构建 - 银龄通本地预览',
    `<h1>网页版还没有构建</h1>
<p>请在项目目录运行 <code>npm run build:h5</code>，或者直接运行 <code>npm start</code>，它会自动构建。</p>
<a class="button secondary" href="/local/signin">选择演示身份</a>`,
  );
}

export function badRequestPage(message: string): string {
  return layout('无法处理 - 银龄通本地预览', `<h1>无法处理</h1><p>${escapeHtml(message)}</p><a class="button secondary" href="/local/signin">返回选择身份</a>`);
}
