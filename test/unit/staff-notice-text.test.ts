import { blocksOfText, imagesOf, textOfBlocks } from '../../src/shared/notice-text';

describe('notice body as the staff editor writes it', () => {
  const image = { type: 'image' as const, fileId: 'cloud://env.b/notices/a.png', caption: '现场' };

  it('reads headings, lists and paragraphs, and puts images after the text', () => {
    const blocks = blocksOfText('# 时间地点\n11月28日上午\n\n- 带身份证\n- 空腹\n其他事项\n- 另一张单子', [image]);
    expect(blocks).toEqual([
      { type: 'heading', text: '时间地点' },
      { type: 'paragraph', text: '11月28日上午' },
      { type: 'list', items: ['带身份证', '空腹'] },
      { type: 'paragraph', text: '其他事项' },
      { type: 'list', items: ['另一张单子'] },
      image,
    ]);
  });

  it('gives back the text it read, so editing a notice keeps its structure', () => {
    const text = '# 标题\n第一段\n- 甲\n- 乙';
    const blocks = blocksOfText(text, [image]);
    expect(textOfBlocks(blocks)).toBe(text);
    expect(imagesOf(blocks)).toEqual([image]);
  });

  it('drops empty markers and control characters', () => {
    expect(blocksOfText('#\n-\n\u0007正文\u200b')).toEqual([{ type: 'paragraph', text: '正文' }]);
  });
});
