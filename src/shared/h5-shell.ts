/** What the H5 page (index.html, served by the local gateway) hands the app before its scripts run. */

/** <meta name=…> the gateway writes in: an opaque tag of the person the page is served for (kept screens are per person) */
export const PERSON_META = 'ylt-person';
export const PERSON_TAG = /^[\w-]{1,64}$/;

/**
 * The home screen shown at once on a repeat visit, before the scripts have run (src/services/homeShell.ts keeps
 * it, index.html's inline script shows it): localStorage key (+ person tag), and the ids of its box and style.
 * index.html spells these out too (it runs before any module): change both together.
 */
export const HOME_SHELL_KEY = 'ylt-shell:home:';
export const HOME_SHELL_ID = 'ylt-shell';
export const HOME_SHELL_STYLE_ID = 'ylt-shell-style';

/** What the kept home shell holds. */
export interface HomeShell {
  /** the home page's markup, Taro's custom elements renamed to inert ylt-* tags (never upgraded) */
  html: string;
  /** the CSS those elements need before the scripts have run, renamed the same way */
  css: string;
  /** the large-text switch then (Taro storage 'largeText'): index.html shows the shell only while it is the same */
  large: boolean;
  /** <html>'s font size then (the large-text switch), and the page's background */
  fontSize: string;
  background: string;
}

/**
 * How long a screen whose call index.html started early (home) draws nothing while that answer is expected: an
 * answer within it is drawn in the screen's first paint, with no 正在加载… flashed before it; after it, 正在加载….
 */
export const EARLY_ANSWER_HOLD_MS = 300;
