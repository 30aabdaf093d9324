/** In-page checks: axe-core at WCAG 2.1 AA, cut-off text, overlapping blocks, target sizes. */
import path from 'node:path';
import type { Page } from 'playwright-core';

const AXE = path.resolve(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
  id: string;
  help: string;
  targets: string[];
}

export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, WCAG_21_AA);
}

/** Text blocks whose content is wider than their box (cut off or spilling out), and page-level sideways scroll. */
export async function cutOffText(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    document.querySelectorAll<HTMLElement>(sel).forEach((el) => {
      if (el.offsetParent === null) return;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${el.className}: "${(el.textContent ?? '').slice(0, 20)}" ${el.scrollWidth} > ${el.clientWidth}`);
      const box = el.getBoundingClientRect();
      if (box.right > root.clientWidth + 1 || box.left < -1) problems.push(`${el.className} outside the screen: ${box.left}..${box.right}`);
    });
    return problems;
  }, selector);
}

/** Pairs of visible sibling blocks (cards, buttons, sections) whose boxes overlap. */
export async function overlappingSiblings(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const problems: string[] = [];
    const byParent = new Map<Element, DOMRect[]>();
    document.querySelectorAll<HTMLElement>(sel).forEach((el) => {
      if (el.offsetParent === null || !el.parentElement) return;
      const list = byParent.get(el.parentElement) ?? [];
      list.push(el.getBoundingClientRect());
      byParent.set(el.parentElement, list);
    });
    byParent.forEach((boxes) => {
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
          if (overlap) problems.push(`overlap at y=${Math.round(a.top)} and y=${Math.round(b.top)}`);
        }
    });
    return problems;
  }, selector);
}

export interface Box {
  text: string;
  width: number;
  height: number;
}

export async function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.$$eval(selector, (els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { text: (el.textContent ?? '').trim(), width: r.width, height: r.height };
      }),
  );
}

/** Computed font size in px of the first visible element matching selector. */
export async function fontSizePx(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));
}

/** Every axe rule (WCAG and best practice, e.g. `region`: all content inside landmarks). */
export async function axeAllRules(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
