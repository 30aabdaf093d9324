/**
 * H5: the home screen there at once on a repeat visit, before the app's scripts have run (an app shell).
 * keepHomeShell(): after home has painted a fresh answer, its markup (Taro's custom elements renamed to inert
 * ylt-* tags, with the CSS that styles them, renamed the same way) is kept for this person only (keptPerson).
 * index.html's inline script shows it at once next time, marked 正在更新… as the kept screen is, covering the
 * page and not tappable: a tap there says 正在打开… and is replayed here. releaseHomeShell(): as soon as the real
 * screen (the same kept answer) is laid out under it, the shell goes, scrolled where the shell was.
 */
import { HOME_SHELL_ID, HOME_SHELL_KEY, HOME_SHELL_STYLE_ID, type HomeShell } from '../shared/h5-shell';
import { keptPerson } from './screenCache';
import { isLargeText } from './textSize';

const TARO_TAG = /(<\/?)taro-([a-z-]+?)-core(?=[\s>/])/g;
const TARO_SELECTOR = /\btaro-([a-z-]+?)-core\b/g;
/** StatusView's banner over a kept answer (renamed): the real screen shows it until the fresh answer is in */
const REFRESHING_BANNER = '<ylt-view class="status__refreshing" role="status"><ylt-text>正在更新…</ylt-text></ylt-view>';

interface ShellWindow {
  /** where a tap on the shell landed (index.html) */
  __yltShellTap?: { x: number; y: number };
}

function homePage(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.greeting')?.closest<HTMLElement>('.taro_page') ?? null;
}

/** The CSS the renamed markup needs: the styles the scripts add, and the stylesheets' rules for Taro's tags. */
function shellCss(): string {
  const rules: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    const owner = sheet.ownerNode as Element | null;
    if (owner?.id === HOME_SHELL_STYLE_ID) continue;
    // the page's own stylesheet files load before the shell shows: only their rules for Taro's tags are needed
    const file = owner?.tagName === 'LINK';
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(list)) {
      const text = rule.cssText;
      TARO_SELECTOR.lastIndex = 0;
      if (file && !TARO_SELECTOR.test(text)) continue;
      rules.push(text.replace(TARO_SELECTOR, 'ylt-$1'));
    }
  }
  return rules.join('\n');
}

/** Keeps the home screen on screen now (a fresh answer, painted) as this person's shell for next time. */
export function keepHomeShell(): void {
  if (process.env.TARO_ENV !== 'h5') return;
  const person = keptPerson();
  const page = homePage();
  if (!person || !page) return;
  // only as the member sees it: not while another tab covers it (Taro hides that page; its tab bar shows the other tab)
  const box = page.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return;
  const clone = page.cloneNode(true) as HTMLElement;
  // a card being pressed right now is kept unpressed
  clone.querySelectorAll('[hover-class]').forEach((el) => el.classList.remove(el.getAttribute('hover-class') ?? ''));
  // the shell is a picture of the screen (aria-hidden): its buttons take no keyboard focus
  clone.querySelectorAll('button').forEach((el) => el.setAttribute('tabindex', '-1'));
  const main = clone.querySelector('[role="main"]');
  if (!main) return;
  main.insertAdjacentHTML('afterbegin', REFRESHING_BANNER);
  const html = clone.innerHTML.replace(TARO_TAG, '$1ylt-$2');
  const shell: HomeShell = {
    html,
    css: shellCss(),
    large: isLargeText(),
    fontSize: document.documentElement.style.fontSize,
    background: getComputedStyle(page).backgroundColor,
  };
  try {
    localStorage.setItem(HOME_SHELL_KEY + person, JSON.stringify(shell));
  } catch {
    // storage full: the next visit starts as before
  }
}

/** Removes the shell once the real home screen is laid out under it; replays a tap made on the shell. */
export function releaseHomeShell(): void {
  if (process.env.TARO_ENV !== 'h5') return;
  const shell = document.getElementById(HOME_SHELL_ID);
  if (!shell) return;
  let frames = 0;
  const swap = () => {
    const page = homePage();
    const box = page?.getBoundingClientRect();
    // Taro shows a page once mounted: wait (a second at most) until it is on screen where the shell is
    if ((!page || !box || box.height === 0 || box.left !== 0) && frames++ < 60) {
      requestAnimationFrame(swap);
      return;
    }
    if (page) page.scrollTop = shell.scrollTop;
    shell.remove();
    document.getElementById(HOME_SHELL_STYLE_ID)?.remove();
    const tap = (window as ShellWindow).__yltShellTap;
    delete (window as ShellWindow).__yltShellTap;
    if (tap) (document.elementFromPoint(tap.x, tap.y) as HTMLElement | null)?.click();
  };
  swap();
}

