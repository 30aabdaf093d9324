/** The parts of the 签到码 screen: the rotating code, the live counts and one roster row with its 代签到 button. */
import { Text, View } from '@tarojs/components';
import { Image } from '../../components/taroHeavy';
import { BigButton } from '../../components/BigButton';
import { Notice } from '../../components/Notice';
import type { BoardData, RosterRow, VenueCode } from '../../shared/contracts-checkin';
import type { AppError } from '../../shared/errors';
import { SLOT_SECONDS } from '../../shared/timebank-rules';
import { countItems, rowStateText } from './format';

export function CodePanel({ code }: { code: VenueCode }) {
  return (
    <View className='venue-code'>
      <Text className='venue-code__lead'>请老同志用微信“扫一扫”扫这个码签到</Text>
      <Image className='venue-code__qr' src={code.qrImage} mode='widthFix' ariaLabel='签到二维码' nativeProps={{ alt: '签到二维码' }} />
      <Text className='venue-code__line'>{`二维码每${SLOT_SECONDS}秒自动更换，拍照转发的码很快失效`}</Text>
      {process.env.TARO_ENV === 'h5' ? <Text className='venue-code__token'>{`网页版签到码：${code.token}`}</Text> : null}
    </View>
  );
}

export function Counts({ kind, counts }: { kind: BoardData['target']['kind']; counts: BoardData['counts'] }) {
  return (
    <View className='board-counts' role='status' aria-live='polite'>
      {countItems(kind, counts).map((item) => (
        <View key={item.label} className='board-counts__item'>
          <Text className='board-counts__value'>{String(item.value)}</Text>
          <Text className='board-counts__label'>{item.label}</Text>
        </View>
      ))}
    </View>
  );
}

interface RowProps {
  row: RosterRow;
  /** the check-in window is open: staff may check people in */
  open: boolean;
  pending: boolean;
  error: AppError | null;
  onAssist: (row: RosterRow) => void;
}

export function RosterItem({ row, open, pending, error, onAssist }: RowProps) {
  return (
    <View className={row.checkedIn ? 'roster-row roster-row--in' : 'roster-row'}>
      <Text className='roster-row__name'>{row.town ? `${row.name}（${row.town}）` : row.name}</Text>
      <Text className='roster-row__state'>{`${row.checkedIn ? '✓ ' : ''}${rowStateText(row)}`}</Text>
      {!row.checkedIn && open ? <BigButton onClick={() => onAssist(row)}>{pending ? '正在签到…' : `为${row.name}代签到`}</BigButton> : null}
      {error ? <Notice kind='error'>{error.message}</Notice> : null}
    </View>
  );
}
