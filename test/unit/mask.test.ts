import { maskPhone } from '../../src/shared/mask';

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });
  it('never reveals a short number and answers null for none', () => {
    expect(maskPhone('12345')).toBe('****');
    expect(maskPhone('')).toBeNull();
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
  });
  it('masks a landline too', () => {
    expect(maskPhone('0531-87654321')).toBe('053****4321');
  });
});
