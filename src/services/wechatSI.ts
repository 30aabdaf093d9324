/**
 * WeChat's 同声传译 plugin (WechatSI, declared in app.config plugins; the bureau adds it once in the mini-program
 * console, see docs/weapp.md): text-to-speech for 朗读 and speech recognition for 语音输入 in the weapp.
 * Null wherever it is not there (H5, a WeChat too old, the plugin not added), so callers can say so plainly.
 */
import Taro from '@tarojs/taro';

export const WECHAT_SI = { name: 'WechatSI', provider: 'wx069ba97219f66d99', version: '0.3.5' } as const;

export interface TtsAnswer {
  retcode: number;
  /** URL of the spoken audio */
  filename: string;
}

export interface RecognitionManager {
  start(options: { duration?: number; lang?: string }): void;
  stop(): void;
  onStart: ((res: { msg: string }) => void) | null;
  onRecognize: ((res: { result: string }) => void) | null;
  onStop: ((res: { result: string; duration?: number }) => void) | null;
  onError: ((res: { retcode: number; msg: string }) => void) | null;
}

export interface WechatSIPlugin {
  textToSpeech(options: { lang: string; tts: boolean; content: string; success: (res: TtsAnswer) => void; fail: (error: unknown) => void }): void;
  getRecordRecognitionManager(): RecognitionManager;
}

declare const requirePlugin: ((name: string) => unknown) | undefined;

export function wechatSI(): WechatSIPlugin | null {
  if (process.env.TARO_ENV !== 'weapp') return null;
  try {
    const plugin = typeof requirePlugin === 'function' ? (requirePlugin(WECHAT_SI.name) as WechatSIPlugin | undefined) : undefined;
    return plugin && typeof plugin.textToSpeech === 'function' ? plugin : null;
  } catch {
    return null;
  }
}

/** Reads chunks one after another: each is turned into speech by the plugin, then played. */
export function pluginReader(plugin: WechatSIPlugin) {
  let audio: Taro.InnerAudioContext | null = null;
  let run = 0;
  let finish: ((failed: boolean) => void) | null = null;

  function stop(): void {
    run += 1;
    audio?.stop();
    audio?.destroy();
    audio = null;
    const done = finish;
    finish = null;
    done?.(false);
  }

  function read(chunks: readonly string[], onDone: (failed: boolean) => void): void {
    stop();
    const id = run;
    const player = Taro.createInnerAudioContext();
    audio = player;
    let index = 0;
    finish = (failed) => {
      finish = null;
      onDone(failed);
    };
    const end = (failed: boolean) => {
      if (id !== run) return;
      run += 1;
      player.destroy();
      audio = null;
      finish?.(failed);
    };
    const speak = () => {
      if (id !== run) return;
      if (index >= chunks.length) return end(false);
      plugin.textToSpeech({
        lang: 'zh_CN',
        tts: true,
        content: chunks[index]!,
        success: (res) => {
          if (id !== run) return;
          if (res.retcode !== 0 || !res.filename) return end(true);
          player.src = res.filename;
          player.play();
        },
        fail: () => end(true),
      });
    };
    player.onEnded(() => {
      index += 1;
      speak();
    });
    player.onError(() => end(true));
    speak();
  }

  return { read, stop, pause: () => audio?.pause(), resume: () => audio?.play() };
}
