/**
 * 语音输入: speech to text for free-text fields. In the weapp WeChat's 同声传译 plugin recognises (wechatSI.ts);
 * in H5 the browser's Web Speech API where it has one. The text only ever lands in the field for the person to
 * correct: nothing here sends anything.
 */
import { wechatSI } from './wechatSI';

export interface ListenHandlers {
  /** the recognised words (final) */
  onText(text: string): void;
  /** a plain sentence saying what went wrong */
  onError(message: string): void;
  /** listening is over (after onText or onError, or with nothing heard) */
  onEnd(): void;
}

export interface Listening {
  stop(): void;
}

export const VOICE_UNAVAILABLE = '这里不能用语音输入。请用手机键盘上的话筒按钮说话，或者请家人帮您写。';
export const VOICE_FAILED = '没有听清，请按住按钮再说一遍，说完再松开。';
const MAX_MS = 60_000;

interface BrowserRecognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

function browserRecognition(): (new () => BrowserRecognition) | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null;
  type Recognition = (new () => BrowserRecognition) | undefined;
  const standard: Recognition = Reflect.get(window, 'SpeechRecognition');
  const prefixed: Recognition = Reflect.get(window, 'webkitSpeechRecognition');
  return standard ?? prefixed ?? null;
}

export function canListen(): boolean {
  return browserRecognition() !== null || wechatSI() !== null;
}

/** Starts listening; null where speech cannot be recognised here. */
export function listen(handlers: ListenHandlers): Listening | null {
  const Recognition = browserRecognition();
  if (Recognition) {
    const recognition = new Recognition();
    recognition.lang = 'zh-CN';
    recognition.interimResults = false;
    recognition.continuous = true;
    let heard = '';
    recognition.onresult = (event) => {
      heard = Array.from(event.results, (result) => result[0]?.transcript ?? '').join('');
    };
    recognition.onerror = (event) => {
      if (event.error !== 'aborted' && event.error !== 'no-speech') handlers.onError(event.error === 'not-allowed' ? '请允许使用话筒，再按住按钮说话。' : VOICE_FAILED);
    };
    recognition.onend = () => {
      if (heard.trim()) handlers.onText(heard.trim());
      handlers.onEnd();
    };
    recognition.start();
    return { stop: () => recognition.stop() };
  }
  const plugin = wechatSI();
  if (!plugin) return null;
  const manager = plugin.getRecordRecognitionManager();
  manager.onStop = (res) => {
    if (res.result?.trim()) handlers.onText(res.result.trim());
    else handlers.onError(VOICE_FAILED);
    handlers.onEnd();
  };
  manager.onError = () => {
    handlers.onError(VOICE_FAILED);
    handlers.onEnd();
  };
  manager.start({ duration: MAX_MS, lang: 'zh_CN' });
  return { stop: () => manager.stop() };
}
