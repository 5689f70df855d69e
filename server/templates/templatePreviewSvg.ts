/**
 * A small SVG picture of a template's canvas for the library cards: zones in
 * their colours with their labels, axes and arrows. Drawn from the template
 * data alone, so no browser or tldraw rendering is needed; text sizes follow
 * the board's, so the card shows what the board will look like.
 */
import { LABEL_SCALE, SCAFFOLD_SCALE } from '../board/canvasLayout.js';
import { TEMPLATE_GRID_PX, type Template, type TemplateColor, type TemplateElement } from '../../shared/templateSchema.js';

/** tldraw's light theme: the stroke colour and the light fill ("semi") of each palette name. */
const PALETTE: Record<TemplateColor, { stroke: string; fill: string }> = {
  black: { stroke: '#1d1d1d', fill: '#e8e8e8' },
  grey: { stroke: '#9fa8b2', fill: '#eceef0' },
  'light-violet': { stroke: '#e085f4', fill: '#f5e8f8' },
  violet: { stroke: '#ae3ec9', fill: '#ecdcf2' },
  blue: { stroke: '#4465e9', fill: '#dce1f8' },
  'light-blue': { stroke: '#4ba1f1', fill: '#ddedfa' },
  yellow: { stroke: '#f1ac4b', fill: '#f9f0e6' },
  orange: { stroke: '#e16919', fill: '#f8e2d4' },
  green: { stroke: '#099268', fill: '#d3e9e3' },
  'light-green': { stroke: '#4cb05e', fill: '#dbf0e0' },
  'light-red': { stroke: '#f87777', fill: '#f4dadb' },
  red: { stroke: '#e03131', fill: '#f4dadb' },
  white: { stroke: '#9fa8b2', fill: '#ffffff' },
};

/** tldraw's font sizes in px at scale 1 (text shapes, and a size-m geo label), times the board's scaffold scale. */
const TEXT_PX = { s: 18, m: 24, l: 36, xl: 44 } as const;
const ZONE_LABEL_PX = 22;
const PREVIEW_WIDTH_PX = 640;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Breaks text into lines that fit `width`, estimating a glyph at 0.56 em (SVG text does not wrap). */
function wrap(text: string, width: number, size: number): string[] {
  const perLine = Math.max(1, Math.floor(width / (size * 0.56)));
  return text.split('\n').flatMap((paragraph) => {
    const out: string[] = [];
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && (line + ' ' + word).length > perLine) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    return [...out, line];
  });
}

function lines(rows: string[], x: number, y: number, size: number, attrs: string): string {
  return rows
    .map((line, i) => `<text x="${x}" y="${y + i * size * 1.2}" font-size="${size}" ${attrs}>${escapeXml(line)}</text>`)
    .join('');
}


function drawElement(el: TemplateElement): string {
  const u = TEMPLATE_GRID_PX;
  switch (el.kind) {
    case 'zone': {
      const { stroke, fill } = PALETTE[el.color];
      const [x, y, w, h] = [el.x * u, el.y * u, el.w * u, el.h * u];
      const shape =
        el.outline === 'ellipse'
          ? `<ellipse cx="${x + w / 2}" cy="${y + h / 2}" rx="${w / 2}" ry="${h / 2}" fill="${fill}" stroke="${stroke}" stroke-width="${u / 8}"/>`
          : `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${u / 4}" fill="${fill}" stroke="${stroke}" stroke-width="${u / 8}"/>`;
      const size = ZONE_LABEL_PX * SCAFFOLD_SCALE;
      const start = el.labelAlign === 'start';
      const anchor = start ? 'start' : 'middle';
      const lx = start ? x + u / 2 : x + w / 2;
      const rows = wrap(el.hint ? `${el.label}\n${el.hint}` : el.label, w - u / 2, size);
      return shape + lines(rows, lx, y + size * 1.2 + u / 4, size, `text-anchor="${anchor}" font-weight="600" fill="#1d1d1d"`);
    }
    case 'label': {
      const size = TEXT_PX[el.size] * LABEL_SCALE;
      const anchor = el.align === 'start' ? 'start' : el.align === 'end' ? 'end' : 'middle';
      const x = (el.align === 'start' ? el.x : el.align === 'end' ? el.x + el.w : el.x + el.w / 2) * u;
      return lines(wrap(el.text, el.w * u, size), x, el.y * u + size, size, `text-anchor="${anchor}" fill="${PALETTE[el.color].stroke}"`);
    }
    case 'arrow': {
      const dash = el.dash === 'dashed' ? `stroke-dasharray="${u / 2} ${u / 3}"` : el.dash === 'dotted' ? `stroke-dasharray="${u / 8} ${u / 4}"` : '';
      const marker = el.head === 'arrow' ? `marker-end="url(#head-${el.color})"` : '';
      const line = `<line x1="${el.from[0] * u}" y1="${el.from[1] * u}" x2="${el.to[0] * u}" y2="${el.to[1] * u}" stroke="${PALETTE[el.color].stroke}" stroke-width="${u / 8}" ${dash} ${marker}/>`;
      if (!el.label) return line;
      const size = TEXT_PX.s * SCAFFOLD_SCALE;
      const [mx, my] = [((el.from[0] + el.to[0]) / 2) * u, ((el.from[1] + el.to[1]) / 2) * u];
      return line + lines([el.label], mx, my + size / 3, size, `text-anchor="middle" fill="${PALETTE[el.color].stroke}" stroke="#f9fafb" stroke-width="${size / 4}" paint-order="stroke"`);
    }
    case 'placeholder': {
      const { stroke, fill } = PALETTE[el.color];
      return `<rect x="${el.x * u}" y="${el.y * u}" width="${2 * u}" height="${2 * u}" fill="${fill}" stroke="${stroke}" stroke-width="${u / 10}" stroke-dasharray="${u / 6} ${u / 10}"/>`;
    }
  }
}

/** The preview of a template's canvas, 640 px wide, with its title read out for screen readers. */
export function templatePreviewSvg(template: Template): string {
  const { width, height, elements } = template.canvas;
  const u = TEMPLATE_GRID_PX;
  const colors = [...new Set(elements.flatMap((el) => (el.kind === 'arrow' && el.head === 'arrow' ? [el.color] : [])))];
  const markers = colors
    .map((c) => `<marker id="head-${c}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="4" markerHeight="4" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${PALETTE[c].stroke}"/></marker>`)
    .join('');
  const pad = u;
  const body = elements.map((el) => drawElement(el)).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${PREVIEW_WIDTH_PX}" height="${Math.round((PREVIEW_WIDTH_PX * (height + 2)) / (width + 2))}" ` +
    `viewBox="${-pad} ${-pad} ${width * u + 2 * pad} ${height * u + 2 * pad}" font-family="system-ui, sans-serif">` +
    `<title>${escapeXml(template.title)}</title><defs>${markers}</defs>` +
    `<rect x="${-pad}" y="${-pad}" width="${width * u + 2 * pad}" height="${height * u + 2 * pad}" fill="#f9fafb"/>${body}</svg>`
  );
}
