/** Dialling a number: WeChat's own call sheet in the weapp, a tel: link in the browser. */
import Taro from '@tarojs/taro';

export function callPhone(phoneNumber: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = `tel:${phoneNumber}`;
    return;
  }
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}
