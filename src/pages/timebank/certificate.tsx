import { Text, View } from '@tarojs/components';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { StatusView } from '../../components/StatusView';
import { formatLongDate } from '../../services/format';
import { useCloud } from '../../services/useCloud';
import type { CertificateData } from '../../shared/contracts-checkin';
import './timebank.scss';

function Certificate({ cert }: { cert: CertificateData }) {
  return (
    <View className='certificate'>
      <View className='certificate__frame'>
        <View className='certificate__title' role='heading' aria-level={1}>
          <Text>志愿服务证书</Text>
        </View>
        <Text className='certificate__name'>{`${cert.name} 同志：`}</Text>
        <Text className='certificate__body'>{`您于${cert.periodText}参加志愿服务，累计志愿服务时长`}</Text>
        <Text className='certificate__hours'>{cert.hoursText}</Text>
        <Text className='certificate__body'>热心公益，老有所为。特发此证，以资鼓励。</Text>
        <Text className='certificate__issuer'>{cert.issuer}</Text>
        <Text className='certificate__date'>{formatLongDate(cert.issuedAt)}</Text>
      </View>
    </View>
  );
}

/** 志愿服务证书: name, hours, period and the issuing bureau, large, to show or to print. */
export default function CertificatePage() {
  const { loading, error, data, retry } = useCloud('checkin', 'mine', {});
  const cert = data?.certificate;
  return (
    <Page>
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {cert && cert.hours > 0 ? <Certificate cert={cert} /> : null}
        {cert && cert.hours <= 0 ? <Notice>还没有志愿服务时长，有了时长以后可以在这里看证书。</Notice> : null}
      </StatusView>
    </Page>
  );
}
