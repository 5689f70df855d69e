/**
 * Draws a template's canvas as tldraw shapes on a board page: zones, labels,
 * axes and example notes, with the title above and the facilitator's
 * instructions to the right, all locked and tagged with `meta.trame`.
 */
import {
  ArrowShapeUtil,
  AssetRecordType,
  GeoShapeUtil,
  ImageShapeUtil,
  NoteShapeUtil,
  TextShapeUtil,
  createShapeId,
  toRichText,
  type IndexKey,
  type TLAsset,
  type TLParentId,
  type TLRecord,
  type TLShape,
} from 'tldraw';
import { assetUrl } from '../../shared/assetUrls.js';
import { readBoardGeometry } from '../../shared/boardGeometry.js';
import { TRAME_META_KEY, type BoardRecord, type TrameShapeMeta } from '../../shared/boardLayout.js';
import { backgroundBox } from '../../shared/zoneBackground.js';
import { PHASE_LABELS } from '../../shared/taxonomy.js';
import { TEMPLATE_GRID_PX, type Template, type TemplateElement, type ZoneElement } from '../../shared/templateSchema.js';
import { FRAME_PADDING_PX, LABEL_SCALE, SCAFFOLD_SCALE, TITLE_BAND_PX, TITLE_SCALE } from './canvasLayout.js';

interface Placement {
  canvasId: string;
  pageId: TLParentId;
  /** Page position of the canvas's frame, its title above the canvas. */
  origin: { x: number; y: number };
  /** One index per shape, in drawing order (see `templateShapeCount`). */
  indices: IndexKey[];
  /**
   * The session whose board it is: zone backgrounds point at its copies of
   * the template's images. Without it (previews, geometry checks), zones are
   * drawn without their background.
   */
  sessionId?: string;
}

type ShapeUtilClass = { prototype: { getDefaultProps(): object } };

/** tldraw's own defaults for a shape type, so records stay valid as tldraw adds props. */
function defaultProps(util: ShapeUtilClass): Record<string, unknown> {
  return { ...util.prototype.getDefaultProps.call({ options: {} }) };
}

/** How many shapes a template draws: its elements, their background images, plus frame, title and instructions. */
export function templateShapeCount(template: Template): number {
  return template.canvas.elements.reduce((n, el) => n + (el.kind === 'zone' && el.background ? 2 : 1), 0) + 3;
}

/** One line under the title: phase, duration and purpose; the steps themselves are in the step banner. */
function instructionsText(template: Template): string {
  const { min, max } = template.durationMinutes;
  const duration = min === max ? `${min} min` : `${min} à ${max} min`;
  return `${PHASE_LABELS[template.phase]} · ${duration} — ${template.purpose}`;
}

/** The frame a template's canvas is drawn in: its title band, the canvas and a padding around both. */
export function canvasFrameSize(template: Template): { w: number; h: number } {
  return {
    w: template.canvas.width * TEMPLATE_GRID_PX + 2 * FRAME_PADDING_PX,
    h: template.canvas.height * TEMPLATE_GRID_PX + TITLE_BAND_PX + 2 * FRAME_PADDING_PX,
  };
}

/** Example notes are shown lighter, and a facilitator can hide them all (opacity 0). */
export const EXAMPLE_NOTE_OPACITY = 0.6;

/**
 * The records of one canvas (shapes, and the assets of zone backgrounds),
 * validated later by the store they are put in.
 */
export function templateToRecords(template: Template, placement: Placement): TLRecord[] {
  const { canvasId, pageId, indices } = placement;
  const u = TEMPLATE_GRID_PX;
  const widthPx = template.canvas.width * u;
  const frame = canvasFrameSize(template);
  // Elements are placed from the canvas's own top-left corner, under the title band.
  const origin = { x: placement.origin.x + FRAME_PADDING_PX, y: placement.origin.y + FRAME_PADDING_PX + TITLE_BAND_PX };
  let n = 0;
  const shape: MakeShape = (type, x, y, props, meta, opacity = 1) => {
    const index = indices[n];
    if (!index) throw new Error('templateToRecords: not enough indices');
    const id = createShapeId(`${canvasId}.${n}`);
    n += 1;
    return {
      id,
      typeName: 'shape',
      type,
      x: origin.x + x,
      y: origin.y + y,
      rotation: 0,
      index,
      parentId: pageId,
      isLocked: true,
      opacity,
      props,
      meta: { [TRAME_META_KEY]: { canvasId, templateId: template.id, ...meta } },
    } as unknown as TLShape;
  };
  const geo = defaultProps(GeoShapeUtil);
  const text = defaultProps(TextShapeUtil);
  const titlePx = 44 * TITLE_SCALE * 1.35;
  const records: TLRecord[] = [
    shape('geo', -FRAME_PADDING_PX, -TITLE_BAND_PX - FRAME_PADDING_PX, { ...geo, w: frame.w, h: frame.h, color: 'grey', dash: 'dashed', fill: 'none', size: 's', scale: SCAFFOLD_SCALE }, { role: 'frame', label: template.title }),
    shape('text', 0, -TITLE_BAND_PX, { ...text, richText: toRichText(template.title), size: 'xl', font: 'sans', autoSize: false, w: widthPx / TITLE_SCALE, scale: TITLE_SCALE }, { role: 'title', label: template.title }),
  ];
  for (const el of template.canvas.elements) {
    const drawn = elementShape(el, shape, { geo, text });
    records.push(drawn);
    // Right above its zone, below everything drawn after: notes go on top of the plan.
    if (el.kind === 'zone' && el.background && placement.sessionId) {
      records.push(...zoneBackground(el, drawn, placement.sessionId, canvasId, origin, shape));
    }
  }
  records.push(
    shape('text', 0, -TITLE_BAND_PX + titlePx, { ...text, richText: toRichText(instructionsText(template)), size: 's', font: 'sans', color: 'grey', autoSize: false, w: widthPx }, { role: 'instructions' }),
  );
  return records;
}

/** The image under a zone, locked like the rest of the canvas, and its asset record pointing at the session's copy. */
function zoneBackground(
  zone: ZoneElement,
  zoneShape: TLShape,
  sessionId: string,
  canvasId: string,
  origin: { x: number; y: number },
  shape: MakeShape,
): [TLAsset, TLShape] {
  const background = zone.background!;
  const geometry = readBoardGeometry([zoneShape as unknown as BoardRecord]).zones[0]!;
  const box = backgroundBox(geometry, background, background.map !== undefined);
  const asset = AssetRecordType.create({
    id: AssetRecordType.createId(`${canvasId}.${background.assetId}`),
    type: 'image',
    props: {
      src: assetUrl(sessionId, background.assetId),
      w: background.width,
      h: background.height,
      name: zone.label,
      isAnimated: false,
      mimeType: 'image/webp',
      fileSize: 1,
    },
    meta: {},
  });
  const image = shape(
    'image',
    box.x - origin.x,
    box.y - origin.y,
    { ...defaultProps(ImageShapeUtil), w: box.w, h: box.h, assetId: asset.id, altText: zone.label },
    { role: 'decoration', backgroundOf: zoneShape.id, ...(background.map ? { map: { ...background.map } } : {}) },
  );
  return [asset, image];
}

function zoneText(label: string, hint: string | undefined) {
  const paragraph = (text: string, bold = false) => ({
    type: 'paragraph',
    content: [{ type: 'text', text, ...(bold ? { marks: [{ type: 'bold' }] } : {}) }],
  });
  return { type: 'doc', content: [paragraph(label, true), ...(hint ? [paragraph(hint)] : [])] };
}

type MakeShape = (
  type: TLShape['type'],
  x: number,
  y: number,
  props: Record<string, unknown>,
  meta: TrameShapeMeta,
  opacity?: number,
) => TLShape;

function elementShape(el: TemplateElement, shape: MakeShape, defaults: { geo: object; text: object }): TLShape {
  const u = TEMPLATE_GRID_PX;
  switch (el.kind) {
    case 'zone':
      return shape('geo', el.x * u, el.y * u, {
        ...defaults.geo,
        geo: el.outline,
        w: el.w * u,
        h: el.h * u,
        color: el.color,
        fill: 'solid',
        dash: 'solid',
        font: 'sans',
        // A zone's name reads a little larger than a note (26 px to 22 px), in bold above its hint;
        // a swimlane's name sits on its left, so the lane is one row of notes tall.
        size: 'l',
        align: el.labelAlign,
        verticalAlign: el.labelAlign === 'start' ? 'middle' : 'start',
        scale: SCAFFOLD_SCALE,
        richText: zoneText(el.label, el.hint),
      }, { role: 'zone', zoneId: el.id, label: el.label, outline: el.outline });
    case 'label':
      return shape('text', el.x * u, el.y * u, {
        ...defaults.text,
        richText: toRichText(el.text),
        size: el.size,
        color: el.color,
        font: 'sans',
        textAlign: el.align,
        autoSize: false,
        w: (el.w * u) / LABEL_SCALE,
        scale: LABEL_SCALE,
      }, { role: 'label', label: el.text });
    case 'arrow': {
      const [x, y] = [el.from[0] * u, el.from[1] * u];
      return shape('arrow', x, y, {
        ...defaultProps(ArrowShapeUtil),
        start: { x: 0, y: 0 },
        end: { x: el.to[0] * u - x, y: el.to[1] * u - y },
        arrowheadEnd: el.head,
        dash: el.dash,
        color: el.color,
        size: 's',
        font: 'sans',
        scale: SCAFFOLD_SCALE,
        richText: toRichText(el.label ?? ''),
      }, { role: 'decoration', ...(el.label ? { label: el.label } : {}) });
    }
    case 'placeholder':
      // Said to be an example on the note itself, and lighter than people's notes.
      return shape('note', el.x * u, el.y * u, {
        ...defaultProps(NoteShapeUtil),
        color: el.color,
        font: 'sans',
        size: 'm',
        scale: el.scale,
        richText: toRichText(`Exemple\n${el.text.replace(/^Ex\.\s*:\s*/i, '')}`),
      }, { role: 'placeholder', label: el.text }, EXAMPLE_NOTE_OPACITY);
  }
}
