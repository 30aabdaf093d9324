/** Upcoming 活动 of 示例县, dated relative to now. */
import type { ActivityDoc } from '../../src/shared/documents';
import { beijingTime } from './clock';
import { locationOf } from './venues';

interface ActivitySpec {
  id: string;
  title: string;
  kind: string;
  description: string;
  place: string;
  /** days from today, start hour:minute, duration in hours */
  inDays: number;
  at: string;
  hours: number;
  /** sign-up closes this many days before the start, at 17:00; 0: two hours before the start */
  closesDaysBefore: number;
  seats: number;
  taken: number;
  walkUpAllowed: boolean;
  status?: ActivityDoc['status'];
  /** demo: check-in open from the moment of seeding (otherwise the default window: 30 minutes before the start) */
  checkinOpenNow?: boolean;
}

const SPECS: readonly ActivitySpec[] = [
  { id: 'menqiu', title: '“银龄杯”门球友谊赛', kind: '门球赛', description: '各乡镇门球队参赛，每队5人，自带球杆。个人也可报名，由协会统一编队。', place: '县全民健身中心门球场', inDays: 3, at: '08:30', hours: 4, closesDaysBefore: 1, seats: 60, taken: 42, walkUpAllowed: false },
  { id: 'pingpang', title: '离退休干部乒乓球赛', kind: '乒乓球赛', description: '设男子单打、女子单打和混合双打，按年龄分组。', place: '县老干部活动中心二楼乒乓球室', inDays: 6, at: '09:00', hours: 3, closesDaysBefore: 2, seats: 48, taken: 48, walkUpAllowed: false },
  { id: 'guandan', title: '掼蛋友谊赛', kind: '掼蛋', description: '两人一组报名，也可个人报名现场配对。备有茶水。', place: '县老干部活动中心一楼棋牌室', inDays: 4, at: '14:30', hours: 3, closesDaysBefore: 1, seats: 64, taken: 30, walkUpAllowed: false },
  { id: 'xiangqi', title: '象棋擂台赛', kind: '象棋', description: '瑞士制七轮，每步限时。欢迎象棋爱好者切磋。', place: '县老干部活动中心一楼棋牌室', inDays: 9, at: '09:00', hours: 4, closesDaysBefore: 2, seats: 32, taken: 11, walkUpAllowed: false },
  { id: 'gechang', title: '“唱响新时代”歌唱比赛', kind: '歌唱比赛', description: '独唱、合唱均可，每个节目不超过5分钟。请报名时写明曲目。', place: '县文化馆剧场', inDays: 20, at: '14:30', hours: 3, closesDaysBefore: 7, seats: 40, taken: 16, walkUpAllowed: false },
  { id: 'shuhuazhan', title: '离退休干部书画摄影作品展', kind: '书画展', description: '展出诗书画影协会和书画研究会会员作品120余幅，欢迎参观。', place: '县文化馆一楼展厅', inDays: 12, at: '09:00', hours: 8, closesDaysBefore: 1, seats: 200, taken: 57, walkUpAllowed: true },
  { id: 'kaocha', title: '参观县乡村振兴示范点', kind: '参观考察', description: '乘大巴参观青山镇茶叶基地和河口镇美丽乡村，中午统一用餐。请穿舒适的鞋，带好常用药。', place: '县老干部活动中心门前集合上车', inDays: 15, at: '07:30', hours: 9, closesDaysBefore: 5, seats: 45, taken: 39, walkUpAllowed: false },
  { id: 'tongbao', title: '县情通报会', kind: '情况通报会', description: '县政府负责同志通报今年以来全县经济社会发展情况，听取老同志意见建议。', place: '县委老干部局二楼会议室', inDays: 8, at: '09:00', hours: 2, closesDaysBefore: 2, seats: 120, taken: 64, walkUpAllowed: true },
  { id: 'zuotan', title: '离退休老干部座谈会', kind: '座谈会', description: '共话发展、畅叙情谊，欢迎大家发言。县委负责同志到会听取意见。', place: '县委老干部局二楼会议室', inDays: 25, at: '09:30', hours: 2, closesDaysBefore: 3, seats: 80, taken: 12, walkUpAllowed: true },
  { id: 'chati', title: '离退休干部健康查体', kind: '健康查体', description: '县人民医院体检中心专场。请空腹前往，带身份证和医保卡。离休干部优先安排。', place: '县人民医院体检中心', inDays: 5, at: '07:30', hours: 4, closesDaysBefore: 2, seats: 100, taken: 88, walkUpAllowed: false },
  { id: 'rongtui', title: '荣誉退休仪式', kind: '荣退仪式', description: '为今年光荣退休的同志举行荣退仪式，颁发纪念证书，欢迎家属一同参加。', place: '县委党校报告厅', inDays: 30, at: '15:00', hours: 2, closesDaysBefore: 5, seats: 150, taken: 20, walkUpAllowed: true },
  { id: 'jiangzuo', title: '防范养老诈骗讲座', kind: '讲座', description: '县公安局反诈民警讲解常见骗局和识别方法，现场可咨询。', place: '城东街道滨河社区党群服务中心', inDays: 1, at: '09:30', hours: 2, closesDaysBefore: 0, seats: 60, taken: 33, walkUpAllowed: true },
  { id: 'kaifangri', title: '老干部活动中心开放日', kind: '参观考察', description: '活动中心各活动室全天开放，欢迎参观、体验。无需报名，到场扫码签到即可；没有智能手机的请找门口工作人员登记。', place: '县老干部活动中心', inDays: 2, at: '08:30', hours: 9, closesDaysBefore: 1, seats: 200, taken: 0, walkUpAllowed: true, checkinOpenNow: true },
  { id: 'menqiu-quxiao', title: '门球裁判培训（改期）', kind: '门球赛', description: '因场地维修改期，新时间另行通知。', place: '县全民健身中心门球场', inDays: 7, at: '09:00', hours: 3, closesDaysBefore: 2, seats: 30, taken: 0, walkUpAllowed: false, status: 'cancelled' },
];

export function buildActivities(now: Date): ActivityDoc[] {
  const hourMs = 3600 * 1000;
  return SPECS.map((spec): ActivityDoc => {
    const [hour, minute] = spec.at.split(':').map(Number) as [number, number];
    const startAt = beijingTime(now, spec.inDays, hour, minute);
    return {
      _id: `activity-${spec.id}`,
      title: spec.title,
      kind: spec.kind,
      description: spec.description,
      place: spec.place,
      startAt,
      endAt: new Date(startAt.getTime() + spec.hours * hourMs),
      signupDeadline: spec.closesDaysBefore > 0 ? beijingTime(now, spec.inDays - spec.closesDaysBefore, 17) : new Date(startAt.getTime() - 2 * hourMs),
      seats: spec.seats,
      taken: spec.taken,
      walkUpAllowed: spec.walkUpAllowed,
      status: spec.status ?? 'published',
      ...(spec.checkinOpenNow ? { checkinOpensAt: now } : {}),
      ...locationOf(spec.place),
    };
  });
}
