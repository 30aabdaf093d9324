/**
 * Where the venue code comes from: the page options when WeChat's scanner opens the scan page (?scene=, URL-encoded
 * by WeChat), ?code= in the local preview, or what the in-app scanner read (a mini-program code's path, or the
 * plain text of a QR code).
 */
const SCENE_PAGE = 'pages/checkin/scan/index';

function decoded(value: string): string {
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return value.trim();
  }
}

/** The code from the scan page's options; '' when opened without one. */
export function codeFromOptions(params: Partial<Record<string, string>>): string {
  return decoded(params.scene ?? params.code ?? '');
}

/** The code from Taro.scanCode's answer: the scene in a mini-program code's path, else the QR code's text. */
export function codeFromScan(answer: { path?: string; result?: string }): string {
  const path = answer.path ?? '';
  if (path.includes(SCENE_PAGE)) {
    const query = path.split('?')[1] ?? '';
    for (const pair of query.split('&')) {
      const [key, value] = pair.split('=');
      if (key === 'scene' && value) return decoded(value);
    }
  }
  return decoded(answer.result ?? '');
}
