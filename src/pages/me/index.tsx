import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { Page } from '../../components/Page';
import { StatusView } from '../../components/StatusView';
import { memberTypeLabel, roleLabel } from '../../services/format';
import { useLargeText } from '../../services/textSize';
import { useCloud } from '../../services/useCloud';
import './index.scss';

export default function Me() {
  const { loading, error, data, retry } = useCloud('member', 'me', {});
  const [large, setLarge] = useLargeText();
  return (
    <Page>
      <StatusView loading={loading} error={error} onRetry={retry}>
        {data ? (
          <>
            <Text className='me__name'>{data.name}</Text>
            <Card
              title={memberTypeLabel(data.memberType) ?? roleLabel(data.role)}
              lines={[
                data.formerUnit ? `原单位：${data.formerUnit}` : null,
                data.town ? `所在乡镇：${data.town}` : null,
                data.phoneMasked ? `手机：${data.phoneMasked}` : null,
              ]}
            />
            {data.actingFor ? (
              <View className='me__acting'>
                <Text>正在代办：{data.actingFor.name}</Text>
              </View>
            ) : null}
          </>
        ) : null}
      </StatusView>
      <View className='me__text-size'>
        <Text className='me__text-size-label'>{large ? '现在是大字模式' : '现在是标准字体'}</Text>
        <BigButton pressed={large} onClick={() => setLarge(!large)}>
          {large ? '恢复标准字体' : '把字调大'}
        </BigButton>
        <BigButton kind='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/help/index' })}>
          使用帮助
        </BigButton>
      </View>
    </Page>
  );
}
