/**
 * Limits and choices the payload validators (schemas-<area>.ts) check and the contracts re-export: kept apart so a
 * contract can take its request types from its validators without the two importing each other.
 */

/** Longest period the figures cover in one call. */
export const FIGURES_MAX_DAYS = 5 * 366;

/** Largest .xlsx accepted by importRoster. */
export const ROSTER_FILE_MAX_BYTES = 2 * 1024 * 1024;

export const NOTICE_CATEGORIES = ['politics', 'activity', 'study', 'university', 'other'] as const;
export const NOTICE_ATTACHMENTS_MAX = 5;
export const NOTICE_TITLE_MAX = 60;

/** A lesson's captions or transcript: an 80-minute talk is about 20,000 characters (about 60 KB, under the 100 KB a
 *  cloud call's text payload may carry). */
export const LESSON_TEXT_MAX = 20_000;

export const SUGGESTION_CATEGORIES = ['组织生活', '待遇落实', '医疗保障', '文化养老', '作用发挥', '社会发展', '其他'] as const;
export const SUGGESTION_TEXT_MAX = 1000;
export const SUGGESTION_PHOTOS_MAX = 3;
