// Only the tab pages live in the main package; every other page belongs in a subpackage (root pages/<name>).
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/activities/index', 'pages/me/index'],
  subPackages: [
    { root: 'pages/help', pages: ['index'] },
    { root: 'pages/bind', pages: ['index', 'review'] },
    { root: 'pages/profile', pages: ['index', 'delete'] },
    { root: 'pages/family', pages: ['index'] },
    { root: 'pages/invite', pages: ['index'] },
    {
      root: 'pages/enroll',
      pages: ['courses/index', 'course/index', 'activity/index', 'associations/index', 'association/index', 'teams/index', 'team/index', 'mine/index', 'approvals/index'],
    },
    { root: 'pages/notices', pages: ['index', 'detail'] },
    { root: 'pages/suggestion', pages: ['index', 'mine', 'detail'] },
    { root: 'pages/checkin', pages: ['index', 'board/index', 'scan/index'] },
    { root: 'pages/timebank', pages: ['index', 'certificate'] },
    {
      root: 'pages/staff',
      pages: [
        'index', 'roster', 'import', 'reviews', 'deletions', 'notices', 'readers', 'notice-edit', 'suggestions', 'suggestion', 'rates',
        'activities', 'activity-edit', 'courses', 'course-edit', 'groups', 'association-edit', 'team-edit', 'group-roster',
        'visits', 'visit', 'figures', 'audit',
        'service-sessions', 'service-session', 'session-edit', 'session-hours', 'entry-correct',
      ],
    },
  ],
  // WeChat's current component style, code injected per component as pages need it, search indexing rules
  style: 'v2',
  lazyCodeLoading: 'requiredComponents',
  sitemapLocation: 'sitemap.json',
  // WeChat's 同声传译 plugin: 朗读 and 语音输入 (src/services/wechatSI.ts); docs/weapp.md says how the bureau adds it
  plugins: { WechatSI: { version: '0.3.5', provider: 'wx069ba97219f66d99' } },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#9b2226',
    navigationBarTitleText: '银龄通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f7f4ef',
  },
  // custom: the tab bar is src/custom-tab-bar (big icons and labels following the text size, unread badges);
  // WeChat still needs the list to know the tab pages.
  tabBar: {
    custom: true,
    color: '#4a4a4a',
    selectedColor: '#9b2226',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/activities/index', text: '活动' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});
