/**
 * Read-aloud (朗读): the one place that knows where the platform can speak. In H5 the browser's speech synthesis
 * (lang zh-CN); in the weapp WeChat's 同声传译 plugin (wechatSI.ts). Long texts are read in chunks; reading can
 * be paused, resumed and stopped. Where neither is there, `available` is false and the screen says so.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { pluginReader, wechatSI } from './wechatSI';

const LANG = 'zh-CN';

/** What a platform offers: read chunks in order (onDone once: finished, failed or stopped), pause, resume, stop. */
interface Reader {
  read(chunks: readonly string[], onDone: (failed: boolean) => void): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

function synthesis(): SpeechSynthesis | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  if (typeof window === 'undefined' || !('speechSynthesis' in window) || typeof window.SpeechSynthesisUtterance !== 'function') return null;
  return window.speechSynthesis;
}

function browserReader(speech: SpeechSynthesis): Reader {
  let finish: ((failed: boolean) => void) | null = null;
  const done = (failed: boolean) => {
    const f = finish;
    finish = null;
    f?.(failed);
  };
  return {
    read(chunks, onDone) {
      done(false);
      speech.cancel();
      finish = onDone;
      chunks.forEach((chunk, index) => {
        const utterance = new SpeechSynthesisUtterance(chunk);
        utterance.lang = LANG;
        utterance.rate = 0.9;
        utterance.onerror = () => done(false);
        if (index === chunks.length - 1) utterance.onend = () => done(false);
        speech.speak(utterance);
      });
    },
    pause: () => speech.pause(),
    resume: () => speech.resume(),
    stop() {
      speech.cancel();
      done(false);
    },
  };
}

let reader: Reader | null | undefined;

function platformReader(): Reader | null {
  if (reader === undefined) {
    const speech = synthesis();
    const plugin = speech ? null : wechatSI();
    reader = speech ? browserReader(speech) : plugin ? pluginReader(plugin) : null;
  }
  return reader;
}

export function canReadAloud(): boolean {
  return platformReader() !== null;
}

/** Sentences of at most ~120 characters: browsers cut off one long utterance, the plugin takes short texts. */
export function speechChunks(text: string, max = 120): string[] {
  // no look-behind: older WeChat JavaScript engines cannot parse it
  const sentences = (text.match(/[^。！？；!?;\n]+[。！？；!?;]*/g) ?? []).map((part) => part.trim()).filter(Boolean);
  const chunks: string[] = [];
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.length; i += max) chunks.push(sentence.slice(i, i + max));
  }
  return chunks;
}

export function stopReading(): void {
  platformReader()?.stop();
}

/** Speaks `text`; `onDone` runs when it ends, fails (failed=true) or is stopped. */
export function readAloud(text: string, onDone: (failed: boolean) => void): void {
  const platform = platformReader();
  const chunks = speechChunks(text);
  if (!platform || chunks.length === 0) return onDone(!platform);
  platform.read(chunks, onDone);
}

export type ReadingState = 'idle' | 'speaking' | 'paused';

/** Said where reading aloud cannot work (shown instead of the button). */
export const READ_ALOUD_UNAVAILABLE = '这台手机现在不能朗读。请把微信更新到最新版本再试，或者请家人读给您听。';
/** Said when reading stopped by itself (e.g. no network for the plugin). */
export const READ_ALOUD_FAILED = '朗读没有成功，请检查网络后再点一次“朗读”。';

/** A screen's read-aloud: available, state, start/stop (toggle), pause/resume; stops when the screen goes. */
export function useReadAloud(text: string) {
  const [available] = useState(canReadAloud);
  const [state, setState] = useState<ReadingState>('idle');
  const [failed, setFailed] = useState(false);
  useEffect(() => () => stopReading(), []);
  const toggle = useCallback(() => {
    if (state !== 'idle') {
      stopReading();
      setState('idle');
      return;
    }
    setFailed(false);
    setState('speaking');
    readAloud(text, (didFail) => {
      setState('idle');
      setFailed(didFail);
    });
  }, [state, text]);
  const pauseOrResume = useCallback(() => {
    if (state === 'speaking') {
      platformReader()?.pause();
      setState('paused');
    } else if (state === 'paused') {
      platformReader()?.resume();
      setState('speaking');
    }
  }, [state]);
  return useMemo(
    () => ({ available, state, speaking: state !== 'idle', failed, toggle, pauseOrResume }),
    [available, state, failed, toggle, pauseOrResume],
  );
}
