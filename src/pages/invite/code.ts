/**
 * The invitation code this page was opened with: `scene` = 'inv=CODE' (URL-encoded) when WeChat opens the
 * mini-program code, `code` in a link (H5).
 */
export function codeFromQuery(params: Partial<Record<string, string>>): string {
  const scene = params.scene ? decodeURIComponent(params.scene) : '';
  const fromScene = /(?:^|&)inv=([^&]+)/.exec(scene)?.[1];
  const raw = fromScene ?? (params.code ? decodeURIComponent(params.code) : '');
  return raw.replace(/[\s-]/g, '').toUpperCase();
}
