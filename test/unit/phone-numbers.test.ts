/** Phone numbers in notice bodies become call buttons (issue 19 item 8): which strings count as numbers. */
import { phoneNumbersIn } from '../../src/shared/phone-numbers';

describe('phoneNumbersIn', () => {
  it('finds landlines and mobiles, in order, once each', () => {
    expect(phoneNumbersIn('咨询电话：0000-1234567。', '找王老师13812345678，或者0571-87654321，再打0000-1234567')).toEqual(['0000-1234567', '13812345678', '0571-87654321']);
  });

  it('leaves dates, amounts and longer digit runs alone', () => {
    expect(phoneNumbersIn('2026-12-08 开会，补贴1200元，编号 JY20261208001，身份证330102194501011234')).toEqual([]);
  });
});
