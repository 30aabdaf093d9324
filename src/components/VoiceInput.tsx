import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { VOICE_UNAVAILABLE, canListen, listen, type Listening } from '../services/voiceInput';
import { Notice } from './Notice';
import './VoiceInput.scss';

/**
 * 按住说话: press and hold, speak, let go; the recognised words are added to the field above for the person to
 * read and correct. It never sends anything. A tap (keyboard, mouse) starts listening and a second tap stops.
 */
export function VoiceInput({ onText }: { onText: (text: string) => void }) {
  const [available] = useState(canListen);
  const [listening, setListening] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [heard, setHeard] = useState<string | null>(null);
  const session = useRef<Listening | null>(null);
  const touched = useRef(false);
  const latest = useRef(onText);
  latest.current = onText;
  useEffect(() => () => session.current?.stop(), []);

  if (!available) return <Text className='voice-input__note'>{VOICE_UNAVAILABLE}</Text>;

  const start = () => {
    if (session.current) return;
    setProblem(null);
    setHeard(null);
    const started = listen({
      onText: (text) => {
        setHeard(text);
        latest.current(text);
      },
      onError: setProblem,
      onEnd: () => {
        session.current = null;
        setListening(false);
      },
    });
    if (!started) return setProblem(VOICE_UNAVAILABLE);
    session.current = started;
    setListening(true);
  };
  const stop = () => session.current?.stop();
  const press = () => {
    touched.current = true;
    start();
  };
  const tap = () => {
    if (touched.current) {
      touched.current = false;
      return;
    }
    if (session.current) stop();
    else start();
  };
  return (
    <View className='voice-input'>
      <View
        className={listening ? 'voice-input__button voice-input__button--on' : 'voice-input__button'}
        role='button'
        aria-pressed={listening}
        onTouchStart={press}
        onTouchEnd={stop}
        onTouchCancel={stop}
        onClick={tap}
      >
        <Text className='voice-input__label'>{listening ? '正在听……说完请松开' : '按住说话（语音输入）'}</Text>
      </View>
      {heard ? <Notice kind='done'>{`已写进上面的框里：“${heard}”。请看一看，有错字可以改，改好再提交。`}</Notice> : null}
      {problem ? <Notice kind='error'>{problem}</Notice> : null}
    </View>
  );
}
