import type { Box, DrawingItem } from '../../shared/reportData.js';
import { READABLE_NOTE_MM } from '../../shared/reportPaper.js';
import { paletteOf } from './reportColors.js';

const PT_MM = 0.3528;
const NOTE_PAD_MM = 1.2;

/**
 * Largest size (7 to 11 pt) at which a note's text fits its square, estimated
 * from its length and its longest word (so that words are not cut).
 */
function noteFontPt(sideMm: number, text: string): number {
  const inner = sideMm - 2 * NOTE_PAD_MM;
  const longest = Math.max(1, ...text.split(/\s+/).map((w) => w.length));
  const byArea = Math.sqrt((inner * inner) / (0.75 * Math.max(1, text.length)));
  const byWord = inner / (0.6 * longest);
  return Math.min(11, Math.max(7, Math.min(byArea, byWord) / PT_MM));
}

const overlaps = (a: Box, r: Box) => a.x < r.x + r.w && a.x + a.w > r.x && a.y < r.y + r.h && a.y + a.h > r.y;

/**
 * A region of a canvas drawn in millimetres at `mmPerPx`: zones, free text,
 * arrows and notes, text kept as text. A note's text is printed only where the
 * note is large enough for it to read (READABLE_NOTE_MM); below, the note is
 * its coloured square and the close-ups carry its words.
 */
export function CanvasView({ items, region, mmPerPx, dots, pins, label }: {
  items: DrawingItem[];
  region: Box;
  mmPerPx: number;
  dots: Map<string, number>;
  /** Numbers of the notes on a map, printed on them at any scale: the pins table refers to them. */
  pins: Map<string, number>;
  label: string;
}) {
  const mm = (px: number) => `${(px * mmPerPx).toFixed(2)}mm`;
  const place = (b: Box) => ({ left: mm(b.x - region.x), top: mm(b.y - region.y), width: mm(b.w), height: mm(b.h) });
  const readable = 200 * mmPerPx >= READABLE_NOTE_MM;
  const arrows = items.filter((it) => it.kind === 'arrow');
  return (
    <div className="canvas-view" style={{ width: mm(region.w), height: mm(region.h) }} role="img" aria-label={label}>
      {items.map((it, i) => {
        if (it.kind === 'arrow' || !overlaps(it.box, region)) return null;
        if (it.kind === 'image') {
          return <img key={i} className="cv-image" src={it.src} alt="" style={place(it.box)} />;
        }
        const colors = paletteOf(it.color);
        if (it.kind === 'zone') {
          return (
            <div key={i} className={`cv-zone cv-${it.outline} cv-align-${it.align}`} style={{ ...place(it.box), borderColor: colors.solid, background: colors.semi }}>
              <span className="cv-zone-label" style={{ fontSize: `max(7pt, ${mm(it.fontPx)})` }}>{it.label}</span>
            </div>
          );
        }
        if (it.kind === 'text') {
          return (
            <div key={i} className={`cv-text cv-align-${it.align}`} style={{ ...place(it.box), fontSize: `max(5pt, ${mm(it.fontPx)})`, color: it.color === 'black' ? '#1d1d1d' : colors.solid }}>
              {it.text}
            </div>
          );
        }
        if (it.kind === 'shape') {
          return (
            <div key={i} className={`cv-shape cv-${it.outline}`} style={{ ...place(it.box), borderColor: colors.solid }}>
              {it.text}
            </div>
          );
        }
        const side = it.box.w * mmPerPx;
        const n = dots.get(it.id) ?? 0;
        const pin = pins.get(it.id);
        return (
          <div key={i} className={pin === undefined ? 'cv-note' : 'cv-note cv-pinned'} style={{ ...place(it.box), background: colors.note }}>
            {readable && <span style={{ fontSize: `${noteFontPt(side, it.text).toFixed(1)}pt` }}>{it.text}</span>}
            {readable && n > 0 && <span className="cv-dots">{n}</span>}
            {pin !== undefined && <span className="cv-pin">{pin}</span>}
          </div>
        );
      })}
      {arrows.length > 0 && (
        <svg className="cv-arrows" viewBox={`${region.x} ${region.y} ${region.w} ${region.h}`} aria-hidden="true">
          <defs>
            <marker id="cv-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="#555" />
            </marker>
          </defs>
          {arrows.map((a, i) =>
            a.kind === 'arrow' ? (
              <line key={i} x1={a.from.x} y1={a.from.y} x2={a.to.x} y2={a.to.y} stroke={paletteOf(a.color).solid} strokeWidth={0.35 / mmPerPx}
                strokeDasharray={a.dashed ? `${2 / mmPerPx} ${1.5 / mmPerPx}` : undefined} markerEnd={a.head ? 'url(#cv-head)' : undefined} />
            ) : null,
          )}
        </svg>
      )}
    </div>
  );
}
