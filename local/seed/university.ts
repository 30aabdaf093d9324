/** 示例县老年大学: the main school, its branch campuses and this term's courses. */
import type { CampusDoc, CourseDoc } from '../../src/shared/documents';
import { beijingDate, beijingTime } from './clock';

export const CAMPUSES: readonly CampusDoc[] = [
  { _id: 'campus-main', name: '示例县老年大学（本部）', town: '城关镇', address: '城关镇文化路18号县老干部活动中心三楼', isMain: true },
  { _id: 'campus-qingshan', name: '青山分校', town: '青山镇', address: '青山镇青山社区综合服务中心二楼', isMain: false },
  { _id: 'campus-hekou', name: '河口分校', town: '河口镇', address: '河口镇政府院内文化站', isMain: false },
  { _id: 'campus-baima', name: '白马分校', town: '白马镇', address: '白马镇白马社区老年活动室', isMain: false },
  { _id: 'campus-chengdong', name: '城东分校', town: '城东街道', address: '城东街道滨河社区党群服务中心', isMain: false },
];

/** Enrollment windows relative to now: most are open, a few open soon (抢课), one has closed. */
type Window = 'open' | 'soon' | 'closed';

interface CourseSpec {
  id: string;
  title: string;
  campusId: string;
  teacher: string;
  weekday: number;
  time: string;
  place: string;
  seats: number;
  taken: number;
  fee: number;
  window: Window;
  /** 摇号: sign-ups collect in the window, staff draw after it closes */
  mode?: 'lottery';
}

const COURSE_SPECS: readonly CourseSpec[] = [
  { id: 'shufa-1', title: '书法（楷书入门）', campusId: 'campus-main', teacher: '林汉林', weekday: 1, time: '09:00-10:30', place: '301教室', seats: 40, taken: 40, fee: 100, window: 'open' },
  { id: 'shufa-2', title: '书法（行书提高）', campusId: 'campus-main', teacher: '林汉林', weekday: 3, time: '09:00-10:30', place: '301教室', seats: 30, taken: 22, fee: 100, window: 'open' },
  { id: 'guohua', title: '国画（花鸟）', campusId: 'campus-main', teacher: '郑文斌', weekday: 2, time: '09:00-10:30', place: '302教室', seats: 30, taken: 27, fee: 120, window: 'open' },
  { id: 'taiji', title: '太极拳（二十四式）', campusId: 'campus-main', teacher: '马长林', weekday: 2, time: '08:00-09:00', place: '一楼活动大厅', seats: 50, taken: 31, fee: 0, window: 'open' },
  { id: 'shengyue', title: '声乐（合唱）', campusId: 'campus-main', teacher: '谢桂芳', weekday: 4, time: '14:30-16:00', place: '排练厅', seats: 45, taken: 45, fee: 80, window: 'open' },
  { id: 'shouji-1', title: '智能手机应用（入门）', campusId: 'campus-main', teacher: '何俊峰', weekday: 5, time: '09:00-10:30', place: '电脑室', seats: 30, taken: 12, fee: 0, window: 'open' },
  { id: 'sheying', title: '摄影（手机摄影）', campusId: 'campus-main', teacher: '宋立新', weekday: 3, time: '14:30-16:00', place: '303教室', seats: 30, taken: 18, fee: 60, window: 'open' },
  { id: 'jingju', title: '京剧（老生唱段）', campusId: 'campus-main', teacher: '谢桂芳', weekday: 3, time: '14:30-16:30', place: '排练厅', seats: 25, taken: 14, fee: 80, window: 'open' },
  { id: 'yangsheng', title: '中医养生保健', campusId: 'campus-main', teacher: '孙德明', weekday: 1, time: '14:30-16:00', place: '多功能厅', seats: 60, taken: 0, fee: 0, window: 'soon' },
  { id: 'yingyu', title: '旅游英语（入门）', campusId: 'campus-main', teacher: '唐慧敏', weekday: 4, time: '09:00-10:30', place: '303教室', seats: 30, taken: 0, fee: 60, window: 'soon' },
  { id: 'shici', title: '诗词鉴赏与写作', campusId: 'campus-main', teacher: '罗正清', weekday: 5, time: '14:30-16:00', place: '302教室', seats: 30, taken: 30, fee: 60, window: 'closed' },
  { id: 'qingshan-taiji', title: '太极拳（二十四式）', campusId: 'campus-qingshan', teacher: '冯保国', weekday: 1, time: '08:00-09:00', place: '社区广场（雨天在二楼）', seats: 40, taken: 19, fee: 0, window: 'open' },
  { id: 'qingshan-shouji', title: '智能手机应用（入门）', campusId: 'campus-qingshan', teacher: '于海燕', weekday: 3, time: '09:00-10:30', place: '二楼会议室', seats: 25, taken: 25, fee: 0, window: 'open' },
  { id: 'qingshan-shufa', title: '书法（楷书入门）', campusId: 'campus-qingshan', teacher: '曹德厚', weekday: 4, time: '09:00-10:30', place: '二楼活动室', seats: 25, taken: 9, fee: 50, window: 'open' },
  { id: 'hekou-shengyue', title: '声乐（民歌演唱）', campusId: 'campus-hekou', teacher: '彭素琴', weekday: 2, time: '14:30-16:00', place: '文化站排练室', seats: 35, taken: 20, fee: 50, window: 'open' },
  { id: 'hekou-guohua', title: '国画（山水入门）', campusId: 'campus-hekou', teacher: '苏明远', weekday: 4, time: '09:00-10:30', place: '文化站书画室', seats: 20, taken: 6, fee: 80, window: 'open' },
  { id: 'hekou-shouji', title: '智能手机应用（提高）', campusId: 'campus-hekou', teacher: '于海燕', weekday: 5, time: '09:00-10:30', place: '文化站电脑室', seats: 20, taken: 0, fee: 0, window: 'soon' },
  { id: 'baima-jingju', title: '京剧（青衣唱段）', campusId: 'campus-baima', teacher: '蔡玉梅', weekday: 2, time: '14:30-16:00', place: '老年活动室', seats: 20, taken: 11, fee: 50, window: 'open' },
  { id: 'baima-guangchangwu', title: '广场舞', campusId: 'campus-baima', teacher: '叶彩霞', weekday: 4, time: '19:00-20:00', place: '白马社区广场', seats: 60, taken: 48, fee: 0, window: 'open' },
  { id: 'chengdong-sheying', title: '摄影（相机基础）', campusId: 'campus-chengdong', teacher: '宋立新', weekday: 1, time: '09:00-10:30', place: '党群服务中心二楼', seats: 25, taken: 7, fee: 60, window: 'open' },
  { id: 'gongbi', title: '工笔花鸟（热门班，摇号）', campusId: 'campus-main', teacher: '郑文斌', weekday: 4, time: '14:30-16:00', place: '302教室', seats: 20, taken: 0, fee: 120, window: 'open', mode: 'lottery' },
  { id: 'chengdong-taiji', title: '太极扇', campusId: 'campus-chengdong', teacher: '冯保国', weekday: 5, time: '08:00-09:00', place: '滨河公园广场', seats: 40, taken: 26, fee: 0, window: 'open' },
];

/** Spring term from February to July, autumn term otherwise (January belongs to last year's autumn term). */
export function termOf(now: Date): { id: string; name: string } {
  const { year, month } = beijingDate(now);
  if (month >= 2 && month <= 7) return { id: `${year}-spring`, name: `${year}年春季学期` };
  const termYear = month === 1 ? year - 1 : year;
  return { id: `${termYear}-autumn`, name: `${termYear}年秋季学期` };
}

function windowDates(now: Date, window: Window): { enrollOpensAt: Date; enrollClosesAt: Date } {
  const at = (days: number, hour: number) => beijingTime(now, days, hour);
  if (window === 'soon') return { enrollOpensAt: at(2, 9), enrollClosesAt: at(12, 17) };
  if (window === 'closed') return { enrollOpensAt: at(-20, 9), enrollClosesAt: at(-2, 17) };
  return { enrollOpensAt: at(-5, 9), enrollClosesAt: at(10, 17) };
}

export function buildCourses(now: Date): CourseDoc[] {
  const term = termOf(now);
  return COURSE_SPECS.map((spec): CourseDoc => {
    const campus = CAMPUSES.find((c) => c._id === spec.campusId);
    if (!campus) throw new Error(`course ${spec.id}: unknown campus ${spec.campusId}`);
    return {
      _id: `course-${term.id}-${spec.id}`,
      termId: term.id,
      title: spec.title,
      campusId: campus._id,
      campusName: campus.name,
      teacher: spec.teacher,
      weekday: spec.weekday,
      time: spec.time,
      place: spec.place,
      seats: spec.seats,
      taken: spec.taken,
      fee: spec.fee,
      ...(spec.mode ? { mode: spec.mode } : {}),
      ...windowDates(now, spec.window),
    };
  });
}
