/**
 * H5 build of taroHeavy.ts: the same React wrappers @tarojs/components makes for these elements (same tags, same
 * props handling), made here so each element's code is bundled with the pages that use it. Deep imports from
 * @tarojs/components 4.2.1: check them when Taro is upgraded (the e2e suites with forms, photos, notices, lessons).
 */
import type * as Components from '@tarojs/components';
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js';
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js';
import { defineCustomElement as defineImage } from '@tarojs/components/dist/components/taro-image-core.js';
import { defineCustomElement as defineInput } from '@tarojs/components/dist/components/taro-input-core.js';
import { defineCustomElement as defineRichText } from '@tarojs/components/dist/components/taro-rich-text-core.js';
import { defineCustomElement as defineTextarea } from '@tarojs/components/dist/components/taro-textarea-core.js';
import { defineCustomElement as defineVideo } from '@tarojs/components/dist/components/taro-video-core.js';

export const Image = createReactComponent('taro-image-core', undefined, manipulatePropsFunction, defineImage) as typeof Components.Image;
export const Input = createReactComponent('taro-input-core', undefined, manipulatePropsFunction, defineInput) as typeof Components.Input;
export const RichText = createReactComponent('taro-rich-text-core', undefined, manipulatePropsFunction, defineRichText) as typeof Components.RichText;
export const Textarea = createReactComponent('taro-textarea-core', undefined, manipulatePropsFunction, defineTextarea) as typeof Components.Textarea;
export const Video = createReactComponent('taro-video-core', undefined, manipulatePropsFunction, defineVideo) as typeof Components.Video;
