/** The rules of 党支部 meetings that both the validators (schemas-branch.ts) and the screens apply. */

/** 三会一课 (支部党员大会, 支部委员会, 党小组会, 党课) and 主题党日. */
export const MEETING_KINDS = ['members', 'committee', 'group', 'lesson', 'themeDay'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  members: '支部党员大会',
  committee: '支部委员会',
  group: '党小组会',
  lesson: '党课',
  themeDay: '主题党日',
};

export const BRANCH_NAME_MAX = 40;
export const MEETING_AGENDA_MAX = 1000;
export const MEETING_MINUTES_MAX = 5000;

/** A meeting lasts at most this long. */
export const MEETING_MAX_MINUTES = 12 * 60;

/** What is wrong with a meeting's times in plain words, or null. */
export function meetingTimesProblem(startAt: string, endAt: string): string | null {
  const length = (Date.parse(endAt) - Date.parse(startAt)) / 60_000;
  if (!(length > 0)) return '结束时间要晚于开始时间';
  if (length > MEETING_MAX_MINUTES) return '一次会议最长12小时';
  return null;
}
