/** The figures as an .xlsx: one row per figure (分类, 指标, 数值), in the order the screen shows them. */
import type { FiguresData } from '../../src/shared/contracts-figures';
import type { ExportedFile } from '../../src/shared/contracts-staff';
import type { Cloud } from '../_lib/db';
import { saveExport } from '../_lib/export-file';
import { workbookOf, type CellValue } from '../_lib/xlsx-write';

const pct = (value: number | null): CellValue => (value === null ? '—' : `${value}%`);

export function figureRows(f: FiguresData): CellValue[][] {
  const s = f.suggestions;
  return [
    ['统计时段', '起止日期', `${f.period.from} 至 ${f.period.to}`],
    ['老干部', '合计', f.members.total],
    ['老干部', '离休', f.members.lixiu],
    ['老干部', '退休', f.members.tuixiu],
    ['涉老协会', '参加协会人数', f.associations.members],
    ['涉老协会', '参加协会比例', pct(f.associations.sharePercent)],
    ['志愿服务', '志愿者人数', f.volunteers.volunteers],
    ['志愿服务', '服务队数', f.volunteers.teams],
    ['志愿服务', '服务时长（小时）', f.volunteers.hours],
    ['老年大学', '开课数', f.courses.courses],
    ['老年大学', '名额', f.courses.seats],
    ['老年大学', '报名人数', f.courses.enrolled],
    ['老年大学', '候补人数', f.courses.waitlisted],
    ['活动', '举办场次', f.activities.held],
    ['活动', '报名人数', f.activities.signedUp],
    ['活动', '签到人次', f.activities.checkIns],
    ['活动', '到场率', pct(f.activities.attendancePercent)],
    ['通知', '发布条数', f.notices.published],
    ['通知', '应读人次', f.notices.audience],
    ['通知', '已读人次', f.notices.reads],
    ['通知', '阅读率', pct(f.notices.readPercent)],
    ['建言献策', '收到建议', s.total],
    ['建言献策', '已受理', s.handled],
    ['建言献策', '已办结', s.concluded],
    ['建言献策', '已采纳', s.adopted],
    ['建言献策', '办理率', pct(s.handlingRate)],
    ['建言献策', '办结率', pct(s.concludeRate)],
    ['建言献策', '采纳率', pct(s.adoptionRate)],
    ['走访慰问', '合计', f.visits.total],
    ...f.visits.byReason.map((row): CellValue[] => ['走访慰问', row.label, row.count]),
    ['云课堂', '学完课次', f.lessons.finished],
    ['云课堂', '学完的人数', f.lessons.learners],
    ['云课堂', '其中在收视点集体收看', f.lessons.atScreenings],
    ['云课堂', '学习积分', f.lessons.points],
  ];
}

/** One row per party branch: members, meetings, attendance, study material and reads. */
export function branchRows(f: FiguresData): CellValue[][] {
  return f.branches.rows.map((b) => [b.name, b.members, b.meetings, b.attendances, pct(b.attendancePercent), b.materials, b.reads, pct(b.readPercent)]);
}

export async function exportFigures(cloud: Cloud, figures: FiguresData, now: Date): Promise<ExportedFile> {
  const rows = figureRows(figures);
  const branches = branchRows(figures);
  const content = await workbookOf([
    { name: '统计', header: ['分类', '指标', '数值'], rows },
    { name: '党支部', header: ['党支部', '党员数', '会议次数', '到会人次', '到会率', '学习资料', '已读人次', '阅读率'], rows: branches },
  ]);
  return saveExport(cloud, `老干部工作统计-${figures.period.from}至${figures.period.to}.xlsx`, content, rows.length + branches.length, now);
}
