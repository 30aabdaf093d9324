/**
 * Read-aloud (朗读): the one place that knows where the platform can speak. In H5 the browser's speech synthesis
 * (lang zh-CN); in the weapp nothing yet (WeChat's 同声传译 plugin needs an appid-level plugin declaration), so
 * canReadAloud() is false there and the button never appears.
 */
import { useCallback, useEffect, useState } from 'react';

const LANG = 'zh-CN';

function synthesis(): SpeechSynthesis | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  if (typeof window === 'undefined' || !('speechSynthesis' in window) || typeof window.SpeechSynthesisUtterance !== 'function') return null;
  return window.speechSynthesis;
}

export function canReadAloud(): boolean {
  return synthesis() !== null;
}

/** Sentences of at most ~120 characters: browsers cut off one long utterance. */
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
  synthesis()?.cancel();
}

/** Speaks `text`; `onDone` runs when it ends, fails or is stopped. */
export function readAloud(text: string, onDone: () => void): void {
  const speech = synthesis();
  if (!speech) return onDone();
  speech.cancel();
  const chunks = speechChunks(text);
  if (chunks.length === 0) return onDone();
  chunks.forEach((chunk, index) => {
    const utterance = new SpeechSynthesisUtterance(chunk);
    utterance.lang = LANG;
    utterance.rate = 0.9;
    utterance.onerror = onDone;
    if (index === chunks.length - 1) utterance.onend = onDone;
    speech.speak(utterance);
  });
}

/** A screen's read-aloud state: available (show the button at all), speaking, toggle; stops when the screen goes. */
export function useReadAloud(text: string): { available: boolean; speaking: boolean; toggle: () => void } {
  const [available] = useState(canReadAloud);
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => stopReading(), []);
  const toggle = useCallback(() => {
    if (speaking) {
      stopReading();
      setSpeaking(false);
      return;
    }
    setSpeaking(true);
    readAloud(text, () => setSpeaking(false));
  }, [speaking, text]);
  return { available, speaking, toggle };
}
