/**
 * Reads a board's canvas scaffolding back into template elements, to save a
 * board (or one canvas) as a new template. Participants' notes and the
 * generated title, frame and instructions are left out; coordinates are made
 * relative to the top-left scaffolding shape and snapped to a tenth of a unit.
 */
import { parseAssetUrl } from '../../shared/assetUrls.js';
import { isShapeRecord, trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { isMapBounds } from '../../shared/mapProjection.js';
import {
  TEMPLATE_COLORS,
  TEMPLATE_GRID_PX,
  elementEnd,
  type TemplateColor,
  type TemplateElement,
  type ZoneElement,
} from '../../shared/templateSchema.js';

interface RichTextNode {
  type?: string;
  text?: string;
  content?: RichTextNode[];
}

/** Plain text of tldraw rich text: one line per paragraph. */
export function richTextToPlain(doc: RichTextNode | undefined): string {
  const inline = (node: RichTextNode): string => node.text ?? (node.content ?? []).map(inline).join('');
  return (doc?.content ?? []).map(inline).join('\n');
}

const units = (px: number) => Math.round((px / TEMPLATE_GRID_PX) * 10) / 10;
const color = (value: unknown): TemplateColor =>
  TEMPLATE_COLORS.includes(value as TemplateColor) ? (value as TemplateColor) : 'grey';
const SIZES = ['s', 'm', 'l', 'xl'] as const;
const ALIGNS = ['start', 'middle', 'end'] as const;

type Props = Record<string, unknown> & { richText?: RichTextNode; scale?: number };

type Background = NonNullable<ZoneElement['background']>;

/**
 * The images laid under zones (a plan, a map), by zone shape id: the image
 * shape says which zone it lies on, its asset record which uploaded image.
 */
function zoneBackgrounds(records: BoardRecord[]): Map<string, Background> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const found = new Map<string, Background>();
  for (const record of records) {
    const meta = trameMeta(record);
    if (record.type !== 'image' || !meta?.backgroundOf) continue;
    const asset = byId.get(String((record.props as { assetId?: unknown }).assetId));
    const props = (asset?.props ?? {}) as { src?: unknown; w?: unknown; h?: unknown };
    const parsed = parseAssetUrl(props.src);
    if (!parsed || typeof props.w !== 'number' || typeof props.h !== 'number') continue;
    found.set(meta.backgroundOf, {
      assetId: parsed.assetId,
      width: Math.max(1, Math.round(props.w)),
      height: Math.max(1, Math.round(props.h)),
      ...(isMapBounds(meta.map) ? { map: meta.map } : {}),
    });
  }
  return found;
}

function toElement(record: BoardRecord, backgrounds: Map<string, Background>): TemplateElement | undefined {
  const meta = trameMeta(record);
  const props = record.props as Props;
  const x = record.x as number;
  const y = record.y as number;
  const scale = props.scale ?? 1;
  switch (meta?.role) {
    case 'zone': {
      const [label, ...hint] = richTextToPlain(props.richText).split('\n');
      return {
        kind: 'zone',
        id: meta.zoneId ?? '',
        // What the board shows wins: the facilitator may have renamed an unlocked zone.
        label: label || meta.label || '',
        ...(hint.length ? { hint: hint.join(' ') } : {}),
        x: units(x),
        y: units(y),
        w: units(props.w as number),
        h: units(props.h as number),
        color: color(props.color),
        outline: meta.outline ?? 'rectangle',
        labelAlign: props.align === 'start' ? 'start' : 'middle',
        ...(backgrounds.has(record.id) ? { background: backgrounds.get(record.id)! } : {}),
      };
    }
    case 'label':
      return {
        kind: 'label',
        text: richTextToPlain(props.richText),
        x: units(x),
        y: units(y),
        w: units((props.w as number) * scale),
        size: SIZES.includes(props.size as never) ? (props.size as (typeof SIZES)[number]) : 'm',
        color: color(props.color),
        align: ALIGNS.includes(props.textAlign as never) ? (props.textAlign as (typeof ALIGNS)[number]) : 'start',
      };
    case 'decoration': {
      if (record.type !== 'arrow') return undefined;
      const start = props.start as { x: number; y: number };
      const end = props.end as { x: number; y: number };
      const label = richTextToPlain(props.richText);
      return {
        kind: 'arrow',
        from: [units(x + start.x), units(y + start.y)],
        to: [units(x + end.x), units(y + end.y)],
        head: props.arrowheadEnd === 'none' ? 'none' : 'arrow',
        dash: props.dash === 'dashed' || props.dash === 'dotted' ? props.dash : 'solid',
        color: color(props.color),
        ...(label ? { label } : {}),
      };
    }
    case 'placeholder':
      // The note reads « Exemple » above its text: the template keeps the text alone.
      return {
        kind: 'placeholder',
        text: meta.label || richTextToPlain(props.richText),
        x: units(x),
        y: units(y),
        color: color(props.color),
        scale: Math.min(2, Math.max(1, typeof props.scale === 'number' ? props.scale : 1)),
      };
    default:
      return undefined;
  }
}

function shift(el: TemplateElement, dx: number, dy: number): TemplateElement {
  const r = (v: number) => Math.round(v * 10) / 10;
  if (el.kind === 'arrow') {
    return { ...el, from: [r(el.from[0] - dx), r(el.from[1] - dy)], to: [r(el.to[0] - dx), r(el.to[1] - dy)] };
  }
  return { ...el, x: r(el.x - dx), y: r(el.y - dy) };
}

const start = (el: TemplateElement): [number, number] =>
  el.kind === 'arrow' ? [Math.min(el.from[0], el.to[0]), Math.min(el.from[1], el.to[1])] : [el.x, el.y];

/**
 * The canvas made of the scaffolding of `canvasIds` (every canvas when
 * omitted), or `undefined` when there is none. Not validated: the caller
 * validates the whole template before saving it.
 */
export function scaffoldingToCanvas(
  records: Iterable<BoardRecord>,
  canvasIds?: string[],
): { width: number; height: number; elements: TemplateElement[]; templateIds: string[] } | undefined {
  const raw: TemplateElement[] = [];
  const templateIds = new Set<string>();
  const zoneIds = new Set<string>();
  const all = [...records];
  const backgrounds = zoneBackgrounds(all);
  const byIndex = all.sort((a, b) => (String(a.index) < String(b.index) ? -1 : String(a.index) > String(b.index) ? 1 : 0));
  for (const record of byIndex) {
    const meta = trameMeta(record);
    if (!isShapeRecord(record) || !meta?.canvasId) continue;
    if (canvasIds && !canvasIds.includes(meta.canvasId)) continue;
    const el = toElement(record, backgrounds);
    if (!el) continue;
    if (el.kind === 'zone') {
      // The same template drawn twice has the same zone ids.
      let id = el.id;
      for (let n = 2; zoneIds.has(id); n++) id = `${el.id}-${n}`;
      zoneIds.add(id);
      el.id = id;
    }
    raw.push(el);
    if (meta.templateId) templateIds.add(meta.templateId);
  }
  if (raw.length === 0) return undefined;
  const minX = Math.min(...raw.map((el) => start(el)[0]));
  const minY = Math.min(...raw.map((el) => start(el)[1]));
  const elements = raw.map((el) => shift(el, minX, minY));
  const width = Math.ceil(Math.max(...elements.map((el) => elementEnd(el)[0])));
  const height = Math.ceil(Math.max(...elements.map((el) => elementEnd(el)[1])));
  return { width, height, elements, templateIds: [...templateIds] };
}
