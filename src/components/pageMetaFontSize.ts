/**
 * Taro 4.2 knows no page-font-size on <page-meta>: config/plugins/page-font-size.js adds it to the weapp
 * template, and this adds it to the runtime's component table so both number the attributes alike.
 * Must run before the first page renders (imported first by app.tsx).
 */
import { mergeInternalComponents } from '@tarojs/shared';

if (process.env.TARO_ENV === 'weapp') {
  mergeInternalComponents({ PageMeta: { 'page-font-size': "''" } });
}
