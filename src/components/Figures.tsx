import { Text, View } from '@tarojs/components';
import { TapLink } from './TapLink';
import './Figures.scss';

export interface Figure {
  label: string;
  value: string;
  /** draws the eye: something waiting or overdue */
  alert?: boolean;
  /** opens the list the figure counts; the card then says so (点开查看 ›) */
  onClick?: () => void;
}

/** Big numbers with their labels, two to a row (办理率 95.0%, 待审核 3 ...); a figure with onClick opens its list. */
export function Figures({ items }: { items: readonly Figure[] }) {
  return (
    <View className='figures'>
      {items.map((item) => {
        const className = `figure${item.alert ? ' figure--alert' : ''}${item.onClick ? ' figure--link' : ''}`;
        return item.onClick ? (
          <TapLink key={item.label} className={className} pressedClass='figure--pressed' onClick={item.onClick}>
            <Text className='figure__value'>{item.value}</Text>
            <Text className='figure__label'>{item.label}</Text>
            <Text className='figure__more'>点开查看 ›</Text>
          </TapLink>
        ) : (
          <View key={item.label} className={className}>
            <Text className='figure__value'>{item.value}</Text>
            <Text className='figure__label'>{item.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
