/**
 * The facilitator frames the territory on a live map (MapLibre GL drawing
 * the vector tiles Trame serves) and lays that view in the zone: the map is
 * drawn at the zone's proportions, kept as an image on the board, with its
 * edges in longitude/latitude. Loaded only when opened: MapLibre is large.
 */
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { PMTiles, Protocol } from 'pmtiles';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapBounds } from '../../../shared/mapProjection.js';
import { mapStyle } from './mapStyle.js';

export interface MapPickerProps {
  tilesUrl: string;
  /** Width over height of the zone the map will fill. */
  aspect: number;
  onPlace: (picture: Blob, bounds: MapBounds) => Promise<void>;
  onClose: () => void;
}

/** Width in pixels of the stored map picture: sharp for a projector, within the asset limits. */
const PICTURE_WIDTH_PX = 2_000;

/** The map's canvas with the data's attribution written in its corner, as a PNG. */
async function picture(map: maplibregl.Map, attribution: string): Promise<Blob> {
  const source = map.getCanvas();
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const context = canvas.getContext('2d')!;
  context.drawImage(source, 0, 0);
  if (attribution) {
    const size = Math.round(canvas.width / 90);
    context.font = `${size}px sans-serif`;
    const width = context.measureText(attribution).width;
    context.fillStyle = 'rgb(255 255 255 / 80%)';
    context.fillRect(canvas.width - width - size, canvas.height - size * 1.6, width + size, size * 1.6);
    context.fillStyle = '#333';
    context.fillText(attribution, canvas.width - width - size / 2, canvas.height - size * 0.45);
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/png'));
}

export default function MapPickerDialog({ tilesUrl, aspect, onPlace, onClose }: MapPickerProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [attribution, setAttribution] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const url = new URL(tilesUrl, window.location.origin).href;
    const protocol = new Protocol();
    maplibregl.addProtocol('pmtiles', protocol.tile);
    const tiles = new PMTiles(url);
    protocol.add(tiles);
    let created: maplibregl.Map | null = null;
    let cancelled = false;
    void Promise.all([tiles.getHeader(), tiles.getMetadata()])
      .then(([header, metadata]) => {
        if (cancelled) return;
        const meta = (metadata ?? {}) as { vector_layers?: { id: string }[]; attribution?: string };
        setAttribution((meta.attribution ?? '').replace(/<[^>]*>/g, '').trim());
        created = new maplibregl.Map({
          container: element,
          style: mapStyle(url, (meta.vector_layers ?? []).map((l) => l.id)),
          center: [header.centerLon, header.centerLat],
          zoom: header.centerZoom,
          maxZoom: Math.min(22, header.maxZoom + 4),
          attributionControl: false,
          pixelRatio: Math.max(window.devicePixelRatio, PICTURE_WIDTH_PX / element.clientWidth),
          canvasContextAttributes: { preserveDrawingBuffer: true },
          locale: {
            'NavigationControl.ZoomIn': t('mapBackground.zoomIn'),
            'NavigationControl.ZoomOut': t('mapBackground.zoomOut'),
          },
        });
        created.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
        setMap(created);
      })
      .catch(() => setError(t('mapBackground.tilesFailed')));
    return () => {
      cancelled = true;
      created?.remove();
      maplibregl.removeProtocol('pmtiles');
    };
  }, [tilesUrl, t]);

  const place = async () => {
    if (!map) return;
    setBusy(true);
    setError(null);
    try {
      if (!map.loaded()) await map.once('idle');
      const b = map.getBounds();
      await onPlace(await picture(map, attribution), { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() });
      onClose();
    } catch (e) {
      setError((e as Error).message || t('mapBackground.placeFailed'));
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="map-picker" aria-labelledby="map-picker-title" onClose={onClose}>
      <h2 id="map-picker-title">{t('mapBackground.pickTitle')}</h2>
      <p>{t('mapBackground.pickHelp')}</p>
      <div
        ref={container}
        className="map-picker-map"
        style={{ aspectRatio: String(Math.min(2.5, Math.max(0.4, aspect))) }}
        role="application"
        aria-label={t('mapBackground.mapLabel')}
        data-testid="map-picker-map"
      />
      {attribution && <p className="map-picker-attribution">{attribution}</p>}
      {error && <p role="alert">{error}</p>}
      <div className="map-picker-actions">
        <button type="button" className="primary" onClick={() => void place()} disabled={!map || busy}>
          {busy ? t('mapBackground.placing') : t('mapBackground.place')}
        </button>
        <button type="button" onClick={onClose}>
          {t('mapBackground.cancel')}
        </button>
      </div>
    </dialog>
  );
}
