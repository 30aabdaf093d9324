/**
 * A notice's rich text is stored as structured blocks, never as HTML: text is always text, so nothing a publisher
 * types can become markup. `richTextNodes` turns blocks into the node array Taro's <RichText nodes> takes, using
 * only the tags in RICH_TEXT_TAGS (and only the attributes listed there); `speechText` gives read-aloud text.
 */

import { removeBidi, removeControls, unifyBreaks } from './text-rules';

export type NoticeBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; bold?: boolean }
  | { type: 'list'; items: string[] }
  | { type: 'image'; fileId: string; caption?: string };

/** The only tags (and per tag, the only attributes) a notice body ever renders to. */
export const RICH_TEXT_TAGS = {
  h3: ['style'],
  p: ['style'],
  strong: [],
  ul: ['style'],
  li: [],
  img: ['src', 'alt', 'style'],
} as const satisfies Record<string, readonly string[]>;

export type RichTextTag = keyof typeof RICH_TEXT_TAGS;

export type RichTextNode =
  | { type: 'text'; text: string }
  | { name: RichTextTag; attrs?: Record<string, string>; children?: RichTextNode[] };

export const NOTICE_BLOCKS_MAX = 200;
export const NOTICE_BLOCK_TEXT_MAX = 2000;

/** Plain text a block may hold: control characters (but newlines) are removed, runs of blank lines squeezed. */
export function cleanText(text: string): string {
  return removeBidi(removeControls(unifyBreaks(text, true)).replace(/[\u200B-\u200F]/g, ''))
    .normalize('NFC')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain text with one paragraph per line, as the seed and simple editors write it. */
export function blocksFromText(text: string): NoticeBlock[] {
  return cleanText(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ type: 'paragraph', text: line }));
}

const text = (value: string): RichTextNode => ({ type: 'text', text: value });

/** Rich-text nodes for Taro's RichText; `urlOf` gives each image's temporary URL ('' leaves the image out). */
export function richTextNodes(blocks: readonly NoticeBlock[], urlOf: (fileId: string) => string): RichTextNode[] {
  const nodes: RichTextNode[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        nodes.push({ name: 'h3', attrs: { style: 'font-size:1.2em;margin:0.8em 0 0.4em' }, children: [text(block.text)] });
        break;
      case 'paragraph':
        nodes.push({
          name: 'p',
          attrs: { style: 'margin:0 0 0.8em;line-height:1.8' },
          children: [block.bold ? { name: 'strong', children: [text(block.text)] } : text(block.text)],
        });
        break;
      case 'list':
        nodes.push({
          name: 'ul',
          attrs: { style: 'padding-left:1.4em;line-height:1.8' },
          children: block.items.map((item) => ({ name: 'li', children: [text(item)] })),
        });
        break;
      case 'image': {
        const src = urlOf(block.fileId);
        if (src) nodes.push({ name: 'img', attrs: { src, alt: block.caption ?? '图片', style: 'max-width:100%;height:auto' } });
        if (block.caption) nodes.push({ name: 'p', attrs: { style: 'text-align:center' }, children: [text(block.caption)] });
        break;
      }
    }
  }
  return nodes;
}

/** The text to read aloud: the title, then every block's words in order (images by their caption). */
export function speechText(title: string, blocks: readonly NoticeBlock[]): string {
  const parts = [title];
  for (const block of blocks) {
    if (block.type === 'list') parts.push(...block.items);
    else if (block.type === 'image') {
      if (block.caption) parts.push(block.caption);
    } else parts.push(block.text);
  }
  return parts.join('\n');
}

/** The file ids of a body's images. */
export function imageFileIds(blocks: readonly NoticeBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'image' ? [block.fileId] : []));
}
