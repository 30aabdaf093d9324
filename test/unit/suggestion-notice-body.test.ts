/** Notice bodies: structured blocks render to RichText nodes of the allowed tags only; text never becomes markup. */
import { blocksFromText, cleanText, RICH_TEXT_TAGS, richTextNodes, speechText, type NoticeBlock, type RichTextNode } from '../../src/shared/notice-body';
import { isFileId } from '../../src/shared/cloud-file';

const blocks: NoticeBlock[] = [
  { type: 'heading', text: '一、时间' },
  { type: 'paragraph', text: '<img src=x onerror=alert(1)>周六', bold: true },
  { type: 'list', items: ['带水杯', '带证件'] },
  { type: 'image', fileId: 'cloud://env.b/a.png', caption: '会场' },
  { type: 'image', fileId: 'cloud://env.b/gone.png' },
];

function walk(nodes: RichTextNode[], visit: (node: RichTextNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if ('children' in node && node.children) walk(node.children, visit);
  }
}

describe('notice body', () => {
  it('renders only the allowed tags and attributes, with text as text nodes and unresolved images left out', () => {
    const nodes = richTextNodes(blocks, (id) => (id.endsWith('a.png') ? 'http://files/a.png' : ''));
    const texts: string[] = [];
    walk(nodes, (node) => {
      if ('type' in node) texts.push(node.text);
      else {
        expect(Object.keys(RICH_TEXT_TAGS)).toContain(node.name);
        for (const attr of Object.keys(node.attrs ?? {})) expect(RICH_TEXT_TAGS[node.name] as readonly string[]).toContain(attr);
      }
    });
    expect(texts).toEqual(['一、时间', '<img src=x onerror=alert(1)>周六', '带水杯', '带证件', '会场']);
    const images = nodes.filter((node) => 'name' in node && node.name === 'img');
    expect(images).toEqual([{ name: 'img', attrs: { src: 'http://files/a.png', alt: '会场', style: expect.any(String) } }]);
  });

  it('cleans control characters, splits plain text into paragraphs and reads aloud in order', () => {
    expect(cleanText(' a\u0000b\u202Ec\r\n\n\n\nd ')).toBe('abc\n\nd');
    expect(blocksFromText('第一段\n\n 第二段 ')).toEqual([{ type: 'paragraph', text: '第一段' }, { type: 'paragraph', text: '第二段' }]);
    expect(speechText('标题', blocks)).toBe('标题\n一、时间\n<img src=x onerror=alert(1)>周六\n带水杯\n带证件\n会场');
  });

  it('accepts only cloud file ids', () => {
    expect(isFileId('cloud://env-1.6c6f-env-1-130/notices/意见 全文.pdf')).toBe(true);
    for (const bad of ['https://a/b.png', 'cloud://env/', 'cloud://env.b/../x', 'cloud://env.b/a.png?x=1', 'javascript:alert(1)']) expect(isFileId(bad)).toBe(false);
  });
});
