import { useState } from 'react';
import { Card } from '../../../../components/Card';
import { ExportFile } from '../../../../components/ExportFile';
import { Figures } from '../../../../components/Figures';
import { Notice } from '../../../../components/Notice';
import { Section } from '../../../../components/Section';
import { staffScreen } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import type { FiguresData, FiguresRequest } from '../../../../shared/contracts-figures';
import { periodPresets } from '../../form-values';
import { PeriodPicker } from '../../period-picker';
import '../../staff.scss';

const pct = (value: number | null) => (value === null ? '暂无' : `${value}%`);
const n = (value: number, unit: string) => `${value}${unit}`;

/** Each section of the report: its title and figures, in the order the bureau reports them upward. */
function sectionsOf(d: FiguresData): Array<{ title: string; items: { label: string; value: string }[] }> {
  return [
    { title: '老同志', items: [{ label: '花名册人数', value: n(d.members.total, '人') }, { label: '离休', value: n(d.members.lixiu, '人') }, { label: '退休', value: n(d.members.tuixiu, '人') }] },
    { title: '协会', items: [{ label: '参加协会的人', value: n(d.associations.members, '人') }, { label: '参加协会的比例', value: pct(d.associations.sharePercent) }] },
    {
      title: '志愿服务',
      items: [{ label: '志愿者', value: n(d.volunteers.volunteers, '人') }, { label: '服务队', value: n(d.volunteers.teams, '支') }, { label: '服务时长', value: n(d.volunteers.hours, '小时') }],
    },
    {
      title: '老年大学',
      items: [
        { label: '开设课程', value: n(d.courses.courses, '门') },
        { label: '名额', value: n(d.courses.seats, '个') },
        { label: '已报名', value: n(d.courses.enrolled, '人') },
        { label: '候补', value: n(d.courses.waitlisted, '人') },
      ],
    },
    {
      title: '活动',
      items: [
        { label: '举办活动', value: n(d.activities.held, '场') },
        { label: '报名', value: n(d.activities.signedUp, '人次') },
        { label: '签到', value: n(d.activities.checkIns, '人次') },
        { label: '到场率', value: pct(d.activities.attendancePercent) },
      ],
    },
    {
      title: '通知',
      items: [{ label: '发布通知', value: n(d.notices.published, '条') }, { label: '应读', value: n(d.notices.audience, '人次') }, { label: '已读', value: n(d.notices.reads, '人次') }, { label: '阅读率', value: pct(d.notices.readPercent) }],
    },
    {
      title: '建言献策',
      items: [
        { label: '收到建议', value: n(d.suggestions.total, '件') },
        { label: '办理率', value: pct(d.suggestions.handlingRate) },
        { label: '办结率', value: pct(d.suggestions.concludeRate) },
        { label: '采纳率', value: pct(d.suggestions.adoptionRate) },
      ],
    },
    { title: '走访慰问', items: [{ label: '走访合计', value: n(d.visits.total, '次') }, ...d.visits.byReason.map((r) => ({ label: r.label, value: n(r.count, '次') }))] },
    {
      title: '云课堂',
      items: [
        { label: '学完', value: n(d.lessons.finished, '课次') },
        { label: '学完的人', value: n(d.lessons.learners, '人') },
        { label: '收视点集体收看', value: n(d.lessons.atScreenings, '课次') },
        { label: '学习积分', value: n(d.lessons.points, '分') },
      ],
    },
  ];
}

/** 党支部: one card per branch — meetings held in the period, attendance rate, study material read rate. */
function BranchFigures({ data }: { data: FiguresData }) {
  const { rows, total } = data.branches;
  return (
    <Section title={`党支部（共${total}个）`} emptyText='还没有党支部。导入花名册时填“党支部”一列，或在“党支部”里新建' count={rows.length}>
      {rows.map((b) => (
        <Card key={b.branchId} title={b.name} lines={[`党员${b.members}人`]}>
          <Figures
            items={[
              { label: '开会', value: n(b.meetings, '次') },
              { label: '到会率', value: pct(b.attendancePercent) },
              { label: '学习资料', value: n(b.materials, '份') },
              { label: '阅读率', value: pct(b.readPercent) },
            ]}
          />
        </Card>
      ))}
    </Section>
  );
}

function Report() {
  const presets = periodPresets();
  const first = presets[0]!;
  const [request, setRequest] = useState<FiguresRequest>({ from: first.from, to: first.to });
  const { loading, error, data, retry } = useCloud('figures', 'figures', request);
  const exporter = useAction('figures', 'exportFigures');
  return (
    <>
      <PeriodPicker presets={presets} initial={first} onPeriod={setRequest} />
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {data ? (
          <>
            <Notice>{`统计时段：${data.period.from} 至 ${data.period.to}`}</Notice>
            <ExportFile key={`${data.period.from}~${data.period.to}`} label='导出Excel' onExport={() => exporter.run({ from: data.period.from, to: data.period.to })} />
            {sectionsOf(data).map((section) => (
              <Section key={section.title} title={section.title} emptyText='' count={section.items.length}>
                <Figures items={section.items} />
              </Section>
            ))}
            <BranchFigures data={data} />
          </>
        ) : null}
      </StatusView>
    </>
  );
}

/** 数据统计: the bureau's figures for a period on one screen (one call), and the same as an .xlsx. */
export default staffScreen({ title: '数据统计', intro: '选一个时段，下面的数都按这个时段算；可以导出Excel上报。' }, Report);
