import type { PointsSummary as Summary } from '../shared/contracts-member';
import { Card } from './Card';
import { Section } from './Section';

/** 我的积分和时长: 学习积分 and volunteer hours, one plain card each, with how each is earned in words. */
export function PointsSummary({ points }: { points: Summary }) {
  return (
    <Section title='我的积分和时长' emptyText='' count={points.lines.length}>
      {points.lines.map((line) => (
        <Card key={line.key} title={`${line.label}：${line.value}`} lines={[line.detail, `怎么算：${line.rule}`]} />
      ))}
    </Section>
  );
}
