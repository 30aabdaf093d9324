import { Text, View } from '@tarojs/components';
import './index.scss';

interface BareCard {
  title: string;
  lines: string[];
}

/**
 * The same cards as the home screen (the markup and styles of src/components/Card; Taro compiles no TypeScript
 * outside the source root), handed in by the bench through window.__CARDS__, and nothing else.
 */
export default function Bare() {
  const cards = ((globalThis as unknown as { __CARDS__?: BareCard[] }).__CARDS__ ?? []) as BareCard[];
  return (
    <View className='page'>
      {cards.map((card, index) => (
        <View key={index} className='card'>
          <Text className='card__title'>{card.title}</Text>
          {card.lines.map((line) => (
            <Text key={line} className='card__line'>
              {line}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
