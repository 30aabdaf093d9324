/** Dialling a number: WeChat's own call sheet in the weapp, a tel: link in the browser. */
import Taro from '@tarojs/taro';

export function callPhone(phoneNumber: string): void {
  if (process.env.TARO_ENV === 'h5') {
    // a real tel: link, followed as if tapped (the phone offers to call)
    const link = document.createElement('a');
    link.href = `tel:${phoneNumber}`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return;
  }
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}
