/** Where a form's field is on the page, so an error can bring the person to it. */
import Taro from '@tarojs/taro';

/** The element id of a named field (Field sets it). */
export const fieldDomId = (name: string): string => `field-${name}`;

/** Scrolls the named field into view and moves focus to its control (H5), or scrolls to it (weapp). */
export function showField(name: string): void {
  const id = fieldDomId(name);
  if (process.env.TARO_ENV !== 'h5') {
    void Taro.pageScrollTo({ selector: `#${id}`, duration: 200 });
    return;
  }
  const frame = document.getElementById(id);
  if (!frame) return;
  frame.scrollIntoView({ block: 'center' });
  // Taro's H5 buttons (chips) are plain elements: focus then lands on the field's frame (a named group)
  const control = frame.querySelector<HTMLElement>('input, textarea') ?? frame;
  if (!control.hasAttribute('tabindex') && control.tabIndex < 0) control.setAttribute('tabindex', '-1');
  control.focus({ preventScroll: true });
}
