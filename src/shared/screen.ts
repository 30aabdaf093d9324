/** What every screen a helper may open carries besides its own data: who is acting (正在为王建国报名). */

/** The member a helper acts for. */
export interface ActingFor {
  memberId: string;
  name: string;
}

/** A screen's answer that also says who is acting, so the screen needs no second call: null for the member. */
export type Screen<T> = T & { actingFor: ActingFor | null };
