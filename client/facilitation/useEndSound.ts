/**
 * The timer's end chime, synthesized (no audio file to host), and whether
 * this person allowed it. Browsers only let a page play sound after a
 * gesture: ticking the box is that gesture.
 */
import { useCallback, useRef, useState } from 'react';

const STORAGE_KEY = 'trame.timerSound';

export interface EndSound {
  enabled: boolean;
  toggle: (on: boolean) => void;
  play: () => void;
}

export function useEndSound(): EndSound {
  const context = useRef<AudioContext | null>(null);
  const [enabled, setEnabled] = useState(() => localStorage.getItem(STORAGE_KEY) === 'on');

  const toggle = useCallback((on: boolean) => {
    if (on) {
      context.current ??= new AudioContext();
      void context.current.resume();
    }
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
    setEnabled(on);
  }, []);

  const play = useCallback(() => {
    const audio = context.current;
    if (!enabled || !audio) return;
    const start = audio.currentTime;
    for (const [i, frequency] of [880, 660].entries()) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      const at = start + i * 0.35;
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, at);
      gain.gain.exponentialRampToValueAtTime(0.001, at + 0.3);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.3);
    }
  }, [enabled]);

  return { enabled, toggle, play };
}
