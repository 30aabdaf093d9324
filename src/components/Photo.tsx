import { Image } from './taroHeavy';

interface PhotoProps {
  src: string;
  /** what it shows, read out by screen readers, e.g. 第1张照片 */
  label: string;
  className?: string;
  mode?: 'aspectFit' | 'aspectFill' | 'widthFix';
}

/**
 * A picture with a spoken label on both platforms: aria-label in the weapp; in H5 the alt of the inner <img>
 * (an aria-label on Taro's <taro-image-core> element, which has no role, is not allowed).
 */
export function Photo({ src, label, className, mode = 'aspectFit' }: PhotoProps) {
  const weapp = process.env.TARO_ENV === 'weapp';
  return <Image className={className} src={src} mode={mode} ariaLabel={weapp ? label : undefined} nativeProps={weapp ? undefined : { alt: label }} />;
}
