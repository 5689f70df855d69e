import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from 'tldraw';
import type { ZoneGeometry } from '../../../shared/boardGeometry.js';
import type { MapInfo } from '../../../shared/mapApi.js';
import { apiPaths } from '../../../shared/paths.js';
import type { MapBounds } from '../../../shared/mapProjection.js';
import { ASSET_ACCEPTED_TYPES } from '../../../shared/limits.js';
import { AssetUploadError, uploadImage } from '../boardAssetStore.js';
import { backgroundArea } from '../../../shared/zoneBackground.js';
import { backgroundZones, placeBackground } from './placeBackground.js';
import './mapBackground.css';

const MapPickerDialog = lazy(() => import('./MapPickerDialog.js'));

/**
 * The facilitator's « Fond de carte » for each carte sensible on the board: a
 * view of the territory's map (when the instance serves tiles), or a plan
 * uploaded as an image.
 */
export function MapBackgroundTools({ editor, sessionId, token }: { editor: Editor; sessionId: string; token: string }) {
  const { t } = useTranslation();
  const fileId = useId();
  const [zones, setZones] = useState<ZoneGeometry[]>(() => backgroundZones(editor));
  const [tilesUrl, setTilesUrl] = useState<string | null>(null);
  const [picking, setPicking] = useState<ZoneGeometry | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    fetch(apiPaths.map)
      .then((res) => res.json() as Promise<MapInfo>)
      .then((info) => setTilesUrl(info.tilesUrl), () => setTilesUrl(null));
    return editor.store.listen(() => setZones(backgroundZones(editor)), { scope: 'document', source: 'all' });
  }, [editor]);

  if (zones.length === 0) return null;

  const lay = async (zone: ZoneGeometry, file: Blob, name: string, map: MapBounds | null) => {
    const uploaded = await uploadImage(sessionId, token, file);
    placeBackground(editor, zone, { ...uploaded, name, fileSize: file.size }, map);
    setMessage({ error: false, text: map ? t('mapBackground.mapPlaced') : t('mapBackground.planPlaced') });
  };

  const uploadPlan = (zone: ZoneGeometry) => async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      await lay(zone, file, file.name, null);
    } catch (e) {
      setMessage({ error: true, text: e instanceof AssetUploadError ? e.message : t('boardAssets.errors.generic') });
    }
  };

  return (
    <section aria-labelledby="map-background-title">
      <h3 id="map-background-title">{t('mapBackground.title')}</h3>
      <p className="hint">{tilesUrl ? t('mapBackground.help') : t('mapBackground.helpNoTiles')}</p>
      {zones.map((zone, i) => (
        <div key={zone.shapeId} className="map-background-zone">
          {zones.length > 1 && <p>{t('mapBackground.zoneNumber', { n: i + 1 })}</p>}
          {tilesUrl && (
            <button type="button" onClick={() => setPicking(zone)}>
              {t('mapBackground.pick')}
            </button>
          )}
          <button type="button" onClick={() => document.getElementById(`${fileId}-${i}`)?.click()}>
            {t('mapBackground.uploadPlan')}
          </button>
          <input
            id={`${fileId}-${i}`}
            hidden
            type="file"
            accept={ASSET_ACCEPTED_TYPES.join(',')}
            aria-label={t('mapBackground.uploadPlan')}
            onChange={(e) => void uploadPlan(zone)(e)}
          />
        </div>
      ))}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
          {message.text}
        </p>
      )}
      {picking && tilesUrl && (
        <Suspense fallback={<p role="status">{t('mapBackground.loading')}</p>}>
          <MapPickerDialog
            tilesUrl={tilesUrl}
            aspect={backgroundArea(picking).w / backgroundArea(picking).h}
            onPlace={(picture, bounds) => lay(picking, picture, t('mapBackground.mapName'), bounds)}
            onClose={() => setPicking(null)}
          />
        </Suspense>
      )}
    </section>
  );
}
