import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { Card } from '../../components/Card';
import { HotlineCard } from '../../components/HotlineCard';
import { useViewer } from '../../services/viewer';

const TIPS = [
  { title: '字太小怎么办', lines: ['在“我的”页面点“把字调大”。', '也可以在微信的“设置 → 通用 → 字体大小”里调大，本小程序会跟着变大。'] },
  { title: '页面没有内容', lines: ['请检查手机是否连上网络，然后点“重试”。'] },
  { title: '请家人帮忙', lines: ['家人登记为代办人后，可以替您报名和查看通知。'] },
];

export default function Help() {
  // the hotline comes with the session's member.me (asked once per session, no call of its own once known)
  const me = useViewer();
  return (
    <Page>
      <HotlineCard hotline={me?.bureau.hotlineInfo} />
      <Section title='使用帮助' emptyText='' count={TIPS.length}>
        {TIPS.map((tip) => (
          <Card key={tip.title} title={tip.title} lines={tip.lines} />
        ))}
      </Section>
    </Page>
  );
}
