/** Payload validators of the `figures` function (registered in schemas.ts). */
import * as v from 'valibot';
import { FIGURES_MAX_DAYS } from './request-limits';
import { payload, periodDay } from './fields';

const DAY_MS = 24 * 3600_000;

const period = v.pipe(
  payload({ from: periodDay('开始日期'), to: periodDay('结束日期') }),
  v.check((p) => p.from <= p.to, '开始日期不能晚于结束日期'),
  v.check((p) => (Date.parse(p.to) - Date.parse(p.from)) / DAY_MS < FIGURES_MAX_DAYS, '统计时段最长5年'),
);

export const figuresSchemas = {
  /** from: 'YYYY-MM-DD', both ends included */
  figures: period,
  exportFigures: period,
};
