/** 通知、政情通报、阅文 of 示例县, published in the days before now: pinned ones, one per category at least, and one for a group. */
import { audienceKeyOf, type NoticeAudience } from '../../src/shared/contracts-notice';
import type { NoticeDoc } from '../../src/shared/documents';
import { blocksFromText } from '../../src/shared/notice-body';
import { beijingTime } from './clock';

interface NoticeSpec {
  id: string;
  title: string;
  category: NoticeDoc['category'];
  daysAgo: number;
  publisherName: string;
  body: string;
  pinned?: boolean;
  audience?: NoticeAudience;
}

const BUREAU = '县委老干部局';

const SPECS: readonly NoticeSpec[] = [
  {
    id: 'chati',
    title: '关于组织离退休干部健康查体的通知',
    category: 'activity',
    pinned: true,
    daysAgo: 1,
    publisherName: BUREAU,
    body: '各位老同志：\n今年的健康查体安排在县人民医院体检中心，分批进行。请在小程序“活动”里报名，选好日期。\n查体当天请空腹，带好身份证和医保卡。行动不便的同志，可以让家属代为报名，也可以打电话给局里，我们安排车辆接送。\n咨询电话：0000-1234567。',
  },
  {
    id: 'kaixue',
    title: '老年大学本学期开始报名',
    category: 'university',
    daysAgo: 5, // the day most courses opened (university.ts)
    publisherName: '示例县老年大学',
    body: '本学期共开设书法、国画、太极拳、声乐、智能手机应用、摄影、京剧等课程，本部和青山、河口、白马、城东四所分校都可就近报名。\n每人最多报三门课。名额有限，报满为止，没报上的可以登记候补。\n收费课程在第一次上课时交费，免费课程不收任何费用。',
  },
  {
    id: 'fangzha',
    title: '提醒：警惕以“养老服务”为名的诈骗',
    category: 'other',
    pinned: true,
    daysAgo: 6,
    publisherName: BUREAU,
    body: '近期有人冒充“养老机构”“保健品公司”，以高额回报、免费体检、赠送礼品为名骗取老年人钱财。\n请记住：不轻信、不转账、不透露银行卡密码和验证码。遇到拿不准的事，先给子女或社区打电话商量。\n老干部局从不通过电话要求大家转账。',
  },
  {
    id: 'xianqing',
    title: '近期全县经济运行情况通报',
    category: 'politics',
    daysAgo: 4,
    publisherName: '县政府办公室',
    body: '今年以来，全县经济总体平稳、稳中有进。地区生产总值同比增长5.6%，农村居民人均可支配收入增长7.1%。\n青山镇茶叶基地扩建完成，河口镇美丽乡村建设通过验收，县人民医院新住院楼投入使用。\n下一步将重点抓好冬季供暖、农村道路改造和养老服务中心建设。欢迎老同志们多提宝贵意见。',
  },
  {
    id: 'yiliao',
    title: '县医保政策调整情况通报',
    category: 'politics',
    daysAgo: 9,
    publisherName: '县医疗保障局',
    body: '从下月起，县内住院报销比例提高5个百分点，门诊慢性病新增两个病种。\n离休干部医疗待遇保持不变，继续按原渠道报销。\n具体问题可到县政务服务中心医保窗口咨询，也可以请社区工作人员上门帮您办理。',
  },
  {
    id: 'xuexi',
    title: '阅文：学习新修订的《中国共产党纪律处分条例》',
    category: 'study',
    daysAgo: 2,
    publisherName: '县委老干部局离退休干部党工委',
    body: '请各离退休干部党支部组织党员学习新修订的纪律处分条例，重点学习第一章总则和有关廉洁纪律的规定。\n行动不便、不能参加支部学习的同志，支部将安排人员送学上门。\n学习后请在小程序里点“已读”，方便支部统计。',
  },
  {
    id: 'laonian',
    title: '阅文：《关于加强新时代老干部工作的意见》要点',
    category: 'study',
    daysAgo: 12,
    publisherName: '县委老干部局',
    body: '文件要求，落实好离退休干部政治待遇和生活待遇，引导老同志发挥优势作用。\n主要内容包括：定期通报县情、组织参观考察、走访慰问生病住院和生活困难的同志、办好老年大学、支持老同志参加志愿服务。\n全文可到县老干部活动中心阅览室查阅。',
  },
  {
    id: 'zhiyuan',
    title: '志愿服务队招募新队员',
    category: 'activity',
    daysAgo: 15,
    publisherName: BUREAU,
    body: '红色传承宣讲队、关心下一代辅导队、矛盾纠纷调解队、科技服务队、文艺轻骑队、环境卫生监督队、爱心帮扶队正在招募新队员。\n大家可以按自己的特长和身体情况选岗位，每个岗位写明了做什么、多长时间一次。\n志愿服务时长计入“时间银行”，将来需要帮助时可以兑换服务。',
  },
  {
    id: 'jingju',
    title: '京剧协会本月排练安排',
    category: 'activity',
    daysAgo: 2,
    publisherName: '县老年京剧协会',
    audience: { kind: 'association', id: 'assoc-jingju', name: '老年京剧协会' },
    body: '本月每周三下午两点半在县老年大学排练厅排练，曲目为《智取威虎山》选段。\n请大家带好水杯，身体不适的同志请提前告诉协会。',
  },
];

export function buildNotices(now: Date): NoticeDoc[] {
  return SPECS.map(
    (spec): NoticeDoc => ({
      _id: `notice-${spec.id}`,
      title: spec.title,
      category: spec.category,
      pinned: spec.pinned ?? false,
      audience: spec.audience ?? { kind: 'everyone' },
      audienceKey: audienceKeyOf(spec.audience ?? { kind: 'everyone' }),
      body: blocksFromText(spec.body),
      attachments: [],
      status: 'published',
      publishedAt: beijingTime(now, -spec.daysAgo, 10),
      publisherName: spec.publisherName,
    }),
  );
}
