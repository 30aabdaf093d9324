import type { HotlineInfo } from '../shared/contracts';
import { Card } from './Card';
import { CallButtons } from './CallButtons';

/** The bureau's 服务热线 with its opening hours and the call button (nothing while no number is set). */
export function HotlineCard({ hotline }: { hotline: HotlineInfo | null | undefined }) {
  if (!hotline) return null;
  return (
    <Card title='服务热线' lines={[`有事请打电话给老干部局，${hotline.hours}有人接听。`]}>
      <CallButtons numbers={[hotline.number]} label='拨打服务热线' />
    </Card>
  );
}
