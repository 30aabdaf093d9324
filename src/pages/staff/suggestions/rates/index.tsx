import { useState } from 'react';
import dayjs from 'dayjs';
import { Card } from '../../../../components/Card';
import { Figures } from '../../../../components/Figures';
import { Notice } from '../../../../components/Notice';
import { Section } from '../../../../components/Section';
import { staffScreen } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { useCloud } from '../../../../services/useCloud';
import type { RatesRequest } from '../../../../shared/contracts-suggestion';
import type { Rates } from '../../../../shared/suggestion-rules';
import { beijingNow, type PeriodPreset } from '../../form-values';
import { PeriodPicker } from '../../period-picker';
import '../../staff.scss';

/** Beijing calendar days of the common periods. */
function periods(): PeriodPreset[] {
  const today = beijingNow();
  const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  const lastMonth = today.subtract(1, 'month');
  return [
    { key: 'year', label: '今年以来', from: `${today.year()}-01-01`, to: day(today) },
    { key: 'month', label: '本月', from: day(today.startOf('month')), to: day(today) },
    { key: 'lastMonth', label: '上个月', from: day(lastMonth.startOf('month')), to: day(lastMonth.endOf('month')) },
    { key: 'lastYear', label: '去年全年', from: `${today.year() - 1}-01-01`, to: `${today.year() - 1}-12-31` },
  ];
}

const percent = (value: number | null) => (value === null ? '暂无' : `${value}%`);

function figuresOf(rates: Rates) {
  return [
    { label: '收到建议', value: `${rates.total}件` },
    { label: '办理率', value: percent(rates.handlingRate) },
    { label: '办结率', value: percent(rates.concludeRate) },
    { label: '采纳率', value: percent(rates.adoptionRate) },
    { label: '平均办结天数', value: rates.avgDaysToConclude === null ? '暂无' : `${rates.avgDaysToConclude}天` },
  ];
}

function RatesView() {
  const options = periods();
  const first = options[0]!;
  const [request, setRequest] = useState<RatesRequest>({ from: first.from, to: first.to });
  const { loading, error, data, retry } = useCloud('suggestion', 'rates', request);
  return (
    <>
      <PeriodPicker presets={options} initial={first} onPeriod={setRequest} />
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {data ? (
          <>
            <Section title={`${data.period.from} 至 ${data.period.to}`} emptyText='' count={1}>
              <Figures items={figuresOf(data)} />
              <Notice>{`已办理${data.handled}件，已办结${data.concluded}件，其中采纳${data.adopted}件。办理率、办结率按收到的建议算，采纳率按已办结的算。`}</Notice>
            </Section>
            <Section title='按类别' emptyText='' count={data.byCategory.length}>
              {data.byCategory.map((row) => (
                <Card
                  key={row.category}
                  title={`${row.category}：${row.total}件`}
                  lines={
                    row.total
                      ? [`办理率${percent(row.handlingRate)}，办结率${percent(row.concludeRate)}，采纳率${percent(row.adoptionRate)}`]
                      : ['这段时间没有收到']
                  }
                />
              ))}
            </Section>
          </>
        ) : null}
      </StatusView>
    </>
  );
}

/** 建言献策统计: 办理率, 办结率, 采纳率 and the average days to conclude for any period. */
export default staffScreen({ title: '建言献策统计', intro: '按提交时间统计。' }, RatesView);
