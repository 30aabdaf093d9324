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
    { root: 'pages/messages', pages: ['index'] },
    { root: 'pages/suggestion', pages: ['index', 'mine', 'detail'] },
    { root: 'pages/checkin', pages: ['index', 'board/index', 'scan/index'] },
    { root: 'pages/timebank', pages: ['index', 'certificate'] },
    {
      root: 'pages/staff',
      pages: [
        'index/index',
        'roster/list/index',
        'roster/import/index',
        'roster/reviews/index',
        'roster/deletions/index',
        'notices/list/index',
        'notices/readers/index',
        'notices/edit/index',
        'suggestions/list/index',
        'suggestions/detail/index',
        'suggestions/rates/index',
        'catalog/activities/index',
        'catalog/activity-edit/index',
        'catalog/courses/index',
        'catalog/course-edit/index',
        'catalog/groups/index',
        'catalog/association-edit/index',
        'catalog/team-edit/index',
        'catalog/group-roster/index',
        'visits/list/index',
        'visits/record/index',
        'figures/index/index',
        'admin/audit/index',
        'service/sessions/index',
        'service/session/index',
        'service/session-edit/index',
        'service/session-hours/index',
        'service/entry-correct/index',
        'settings/index/index',
        'settings/claim/index',
        'messages/phone/index',
        'admin/integrity/index',
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
  // 按离我远近排序 (src/services/position.ts): WeChat shows this reason when it asks for the location; the position
  // is used for that one list and never kept. getLocation / chooseLocation must be declared (and, on the
  // platform, enabled under 开发管理 → 接口设置), see docs/weapp.md.
  permission: { 'scope.userLocation': { desc: '用于按离您远近排列课程和活动，位置只用这一次，不保存' } },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
});
