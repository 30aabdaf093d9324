import { codeFromOptions, codeFromScan } from '../../src/pages/checkin/code';

const TOKEN = 'as-ljNaB.zmxi7.1cv8sN_d_xn2z_';

describe('the venue code a scan page is opened with', () => {
  it('reads WeChat’s URL-encoded scene, else the preview’s ?code=, else nothing', () => {
    expect(codeFromOptions({ scene: encodeURIComponent(TOKEN) })).toBe(TOKEN);
    expect(codeFromOptions({ code: ` ${TOKEN} ` })).toBe(TOKEN);
    expect(codeFromOptions({})).toBe('');
    expect(codeFromOptions({ scene: '%E0%A4%A' })).toBe('%E0%A4%A'); // broken encoding: kept as is, refused later
  });

  it('reads the in-app scanner’s answer: the scene of our mini-program code, else a QR code’s text', () => {
    expect(codeFromScan({ path: `pages/checkin/scan/index?scene=${encodeURIComponent(TOKEN)}`, result: 'x' })).toBe(TOKEN);
    expect(codeFromScan({ path: 'pages/other/index?scene=abc', result: TOKEN })).toBe(TOKEN);
    expect(codeFromScan({ result: TOKEN })).toBe(TOKEN);
  });
});
