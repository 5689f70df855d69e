import { useTranslation } from 'react-i18next';
import './boardAssets.css';

/**
 * Why an image could not be added to the board, until dismissed; the board
 * itself is untouched. Announced (role alert) without taking the focus from
 * the canvas, where the person was working.
 */
export function AssetErrorAlert({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="asset-error" role="alert">
      <p>{message}</p>
      <button type="button" onClick={onDismiss}>
        {t('boardAssets.dismiss')}
      </button>
    </div>
  );
}
