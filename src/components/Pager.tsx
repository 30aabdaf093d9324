import { Text, View } from '@tarojs/components';
import { BigButton } from './BigButton';
import './Pager.scss';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** 第2页，共5页 with 上一页 / 下一页; nothing when everything fits on one page. */
export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <View className='pager'>
      <Text className='pager__text'>{`第${page}页，共${pages}页（${total}条）`}</Text>
      {page < pages ? <BigButton kind='secondary' onClick={() => onPage(page + 1)}>下一页</BigButton> : null}
      {page > 1 ? <BigButton kind='secondary' onClick={() => onPage(page - 1)}>上一页</BigButton> : null}
    </View>
  );
}
