/** Distances and what a list is sorted from, in plain words (no validation here: the first screen's cards use it). */
/** What a list sorted by distance was measured from; 'none' when the member's town has no known centre. */
export type NearAnswer = { from: 'here' } | { from: 'town'; town: string } | { from: 'none' };

/** 约 800 米, 约 2.3 公里, 约 35 公里; under 100 m: 不到 100 米. */
export function distanceWords(metres: number): string {
  if (!Number.isFinite(metres) || metres < 0) return '';
  if (metres < 100) return '不到 100 米';
  if (metres < 1000) {
    const hundreds = Math.round(metres / 100) * 100;
    return hundreds >= 1000 ? '约 1 公里' : `约 ${hundreds} 米`;
  }
  if (metres < 10_000) {
    const km = Math.round(metres / 100) / 10;
    return `约 ${Number.isInteger(km) ? km.toFixed(0) : km.toFixed(1)} 公里`;
  }
  return `约 ${Math.round(metres / 1000)} 公里`;
}

/** The line a card shows: 距离：约 2.3 公里, or that the distance is not known. */
export const distanceLine = (metres: number | null | undefined): string =>
  metres === null || metres === undefined ? '距离：不清楚（没有登记地点）' : `距离：${distanceWords(metres)}`;

/** What the list says it is sorted from. */
export function nearWords(near: NearAnswer): string {
  if (near.from === 'here') return '按离您现在的位置由近到远排列（位置只用这一次，不保存）';
  if (near.from === 'town') return `按离您家所在的${near.town}由近到远排列`;
  return '不知道您家在哪个乡镇，暂时不能按远近排列';
}
