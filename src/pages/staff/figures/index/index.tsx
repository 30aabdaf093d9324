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

type Figure = [label: string, value: string];
const figures = (list: Figure[]) => list.map(([label, value]) => ({ label, value }));
const section = (title: string, list: Figure[]) => ({ title, items: figures(list) });

/** Each section of the report: its title and figures, in the order the bureau reports them upward. */
function sectionsOf(d: FiguresData): Array<{ title: string; items: { label: string; value: string }[] }> {
  return [
    section('老同志', [['花名册人数', n(d.members.total, '人')], ['离休', n(d.members.lixiu, '人')], ['退休', n(d.members.tuixiu, '人')]]),
    section('协会', [['参加协会的人', n(d.associations.members, '人')], ['参加协会的比例', pct(d.associations.sharePercent)]]),
    section('志愿服务', [['志愿者', n(d.volunteers.volunteers, '人')], ['服务队', n(d.volunteers.teams, '支')], ['服务时长', n(d.volunteers.hours, '小时')]]),
    section('老年大学', [
      ['开设课程', n(d.courses.courses, '门')],
      ['名额', n(d.courses.seats, '个')],
      ['已报名', n(d.courses.enrolled, '人')],
      ['候补', n(d.courses.waitlisted, '人')],
    ]),
    section('活动', [
      ['举办活动', n(d.activities.held, '场')],
      ['报名', n(d.activities.signedUp, '人次')],
      ['签到', n(d.activities.checkIns, '人次')],
      ['到场率', pct(d.activities.attendancePercent)],
    ]),
    section('通知', [['发布通知', n(d.notices.published, '条')], ['应读', n(d.notices.audience, '人次')], ['已读', n(d.notices.reads, '人次')], ['阅读率', pct(d.notices.readPercent)]]),
    section('建言献策', [
      ['收到建议', n(d.suggestions.total, '件')],
      ['办理率', pct(d.suggestions.handlingRate)],
      ['办结率', pct(d.suggestions.concludeRate)],
      ['采纳率', pct(d.suggestions.adoptionRate)],
    ]),
    section('走访慰问', [['走访合计', n(d.visits.total, '次')], ...d.visits.byReason.map((r): Figure => [r.label, n(r.count, '次')])]),
    section('云课堂', [
      ['学完', n(d.lessons.finished, '课次')],
      ['学完的人', n(d.lessons.learners, '人')],
      ['收视点集体收看', n(d.lessons.atScreenings, '课次')],
      ['学习积分', n(d.lessons.points, '分')],
    ]),
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
            items={figures([
              ['开会', n(b.meetings, '次')],
              ['到会率', pct(b.attendancePercent)],
              ['学习资料', n(b.materials, '份')],
              ['阅读率', pct(b.readPercent)],
            ])}
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
