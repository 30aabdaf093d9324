// The parts of @tarojs/components' H5 build src/components/taroHeavy.h5.ts imports (the package has no types for them).
declare module '@tarojs/components/lib/react/react-component-lib/createComponent.js' {
  export function createReactComponent(tagName: string, context: undefined, manipulateProps: unknown, defineCustomElement: () => void): unknown;
}
declare module '@tarojs/components/lib/react/helper.js' {
  export const manipulatePropsFunction: unknown;
}
declare module '@tarojs/components/dist/components/taro-image-core.js' {
  export function defineCustomElement(): void;
}
declare module '@tarojs/components/dist/components/taro-input-core.js' {
  export function defineCustomElement(): void;
}
declare module '@tarojs/components/dist/components/taro-rich-text-core.js' {
  export function defineCustomElement(): void;
}
declare module '@tarojs/components/dist/components/taro-textarea-core.js' {
  export function defineCustomElement(): void;
}
declare module '@tarojs/components/dist/components/taro-video-core.js' {
  export function defineCustomElement(): void;
}
