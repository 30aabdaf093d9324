import { View } from '@tarojs/components';
import { Card } from '../../../../src/components/Card';

interface BareCard {
  title: string;
  lines: string[];
}

/** The same cards as the home screen (handed in by the bench through window.__CARDS__), and nothing else. */
export default function Bare() {
  const cards = ((globalThis as unknown as { __CARDS__?: BareCard[] }).__CARDS__ ?? []) as BareCard[];
  return (
    <View className='page'>
      {cards.map((card, index) => (
        <Card key={index} title={card.title} lines={card.lines} />
      ))}
    </View>
  );
}
