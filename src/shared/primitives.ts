/** The plain words every contract, document and rule module shares; this module imports nothing. */

/** 离休 or 退休: the two kinds of retiree the bureau serves. */
export type MemberType = 'lixiu' | 'tuixiu';
export type Role = 'member' | 'helper' | 'leader' | 'staff' | 'admin';
/** The groups a roster (名单) can be kept for. */
export type RosterKind = 'association' | 'team' | 'course' | 'activity';

/** One page of a longer list: its rows, how many there are in all, which page this is and the rows per page. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
