import { BigButton } from './BigButton';
import { callPhone } from '../services/phone';

/** One big button per number: WeChat's call sheet in the weapp, a tel: call in the browser. */
export function CallButtons({ numbers, label = '打电话' }: { numbers: readonly string[]; label?: string }) {
  return (
    <>
      {numbers.map((number) => (
        <BigButton key={number} kind='secondary' onClick={() => callPhone(number)}>
          {`${label}：${number}`}
        </BigButton>
      ))}
    </>
  );
}
