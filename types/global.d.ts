/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';
declare module '*.scss';

/** WeChat cloud environment id from TARO_APP_CLOUD_ENV at build time ('' = default environment). */
declare const CLOUD_ENV_ID: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    TARO_APP_CLOUD_ENV?: string;
    TARO_APP_ID?: string;
  }
}
