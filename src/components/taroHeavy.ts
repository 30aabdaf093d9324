/**
 * Taro components only some pages use (video, text inputs, images, rich text): pages import them from here, not
 * from @tarojs/components, so that in H5 (taroHeavy.h5.ts, which Taro picks for the H5 build) they ship with those
 * pages instead of in the first script every visit loads and runs. In the weapp they are Taro's own as usual.
 */
export { Image, Input, RichText, Textarea, Video } from '@tarojs/components';
