/** 数据核对 (admin): counters that disagree with the records they count, and their repair. */
import type { RosterKind } from './primitives';

/** One counter whose stored number is not what its records add up to. */
export interface CounterDisagreement {
  /** 'tally': one of the 工作台's kept counts (src/shared/tally-rules.ts), id its name */
  kind: RosterKind | 'tally';
  id: string;
  /** team: the post the counter belongs to */
  postId: string | null;
  /** what people see it as, e.g. 老年京剧协会, 红色传承宣讲队·党史宣讲员 */
  title: string;
  /** the counter's name in plain words: 会员人数, 已报名人数 */
  counter: string;
  /** the number the screens show */
  stored: number;
  /** the number the records give */
  counted: number;
  /** why, in plain words */
  problems: string[];
}

export interface IntegrityData {
  checkedAt: string;
  /** how many counters were checked */
  checked: number;
  disagreements: CounterDisagreement[];
}

export interface RepairCounterData {
  /** what was repaired (stored before, counted now), or null when it already agreed */
  repaired: CounterDisagreement | null;
  /** the check after the repair */
  check: IntegrityData;
}
