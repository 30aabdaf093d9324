import { Text, View } from '@tarojs/components';
import './Figures.scss';

export interface Figure {
  label: string;
  value: string;
  /** draws the eye: something waiting or overdue */
  alert?: boolean;
}

/** Big numbers with their labels, two to a row (办理率 95.0%, 待审核 3 ...). */
export function Figures({ items }: { items: readonly Figure[] }) {
  return (
    <View className='figures'>
      {items.map((item) => (
        <View key={item.label} className={item.alert ? 'figure figure--alert' : 'figure'}>
          <Text className='figure__value'>{item.value}</Text>
          <Text className='figure__label'>{item.label}</Text>
        </View>
      ))}
    </View>
  );
}
