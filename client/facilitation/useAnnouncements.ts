import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitationView } from '../../shared/facilitation.js';

/** What a screen reader hears when the workshop moves on: a new step, a vote, a pause. */
export function useAnnouncements(state: FacilitationView | null): [string, (message: string) => void] {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const previous = useRef<FacilitationView | null>(null);

  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    if (!state || !before) return;
    const step = state.steps[state.currentStep];
    if (step && state.currentStep !== before.currentStep) setMessage(t('facilitation.announce.step', { title: step.title }));
    else if (state.vote?.status === 'open' && before.vote?.status !== 'open') setMessage(t('facilitation.announce.voteOpen'));
    else if (state.vote?.status === 'closed' && before.vote?.status === 'open') setMessage(t('facilitation.announce.voteClosed'));
    else if (state.paused !== before.paused) setMessage(t(state.paused ? 'facilitation.announce.paused' : 'facilitation.announce.resumed'));
    else if (state.privateWriting && !before.privateWriting) setMessage(t('facilitation.announce.private'));
  }, [state, t]);

  return [message, setMessage];
}
