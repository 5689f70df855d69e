import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRefusal } from '../../shared/boardRefusals.js';

const SHOWN_MS = 6_000;

/** Says why the server wrote a change back; the board itself already shows the server's state. */
export function RefusalNotice({ refusal }: { refusal: { code: BoardRefusal; at: number } | null }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!refusal) return;
    setVisible(true);
    const timer = setTimeout(() => setVisible(false), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [refusal]);
  if (!refusal || !visible) return null;
  return (
    <div className="board-refusal" role="alert" data-testid="board-refusal">
      <span>{t(`trust.refused.${refusal.code}`)}</span>
      <button type="button" onClick={() => setVisible(false)} aria-label={t('trust.dismiss')}>
        ×
      </button>
    </div>
  );
}
