/**
 * The staff editor writes a notice body as plain text: one paragraph per line, a line starting with "#" is a
 * heading, consecutive lines starting with "-" form a list. Images are kept apart (they are files, not text) and
 * follow the text. `textOfBlocks` is the inverse for editing an existing notice.
 */
import { cleanText, type NoticeBlock } from './notice-body';

type ImageBlock = Extract<NoticeBlock, { type: 'image' }>;

export function blocksOfText(text: string, images: readonly ImageBlock[] = []): NoticeBlock[] {
  const blocks: NoticeBlock[] = [];
  for (const raw of cleanText(text).split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const heading = /^#+\s*(.*)$/.exec(line);
    const item = /^[-－•·]\s*(.*)$/.exec(line);
    const last = blocks[blocks.length - 1];
    if (heading?.[1]) blocks.push({ type: 'heading', text: heading[1] });
    else if (item?.[1]) {
      if (last?.type === 'list') last.items.push(item[1]);
      else blocks.push({ type: 'list', items: [item[1]] });
    } else if (!heading && !item) blocks.push({ type: 'paragraph', text: line });
  }
  return [...blocks, ...images];
}

export function textOfBlocks(blocks: readonly NoticeBlock[]): string {
  return blocks
    .flatMap((block) => {
      if (block.type === 'heading') return [`# ${block.text}`];
      if (block.type === 'list') return block.items.map((item) => `- ${item}`);
      if (block.type === 'paragraph') return [block.text];
      return [];
    })
    .join('\n');
}

export function imagesOf(blocks: readonly NoticeBlock[]): ImageBlock[] {
  return blocks.filter((block): block is ImageBlock => block.type === 'image');
}
