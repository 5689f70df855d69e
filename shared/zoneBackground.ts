/**
 * Where a zone's background image (a map, a plan) lies: below the zone's
 * heading, so its label and hint stay readable. The facilitator's map tools
 * and the server drawing a template's canvas place it the same way.
 */
import type { Box, ZoneGeometry } from './boardGeometry.js';

/** The part of the zone a background may cover. */
export function backgroundArea(zone: ZoneGeometry): Box {
  const top = zone.heading.y + zone.heading.h;
  return { x: zone.box.x, y: top, w: zone.box.w, h: zone.box.y + zone.box.h - top };
}

/** A map was drawn to the area's proportions and fills it; a plan keeps its own, centred. */
export function backgroundBox(zone: ZoneGeometry, image: { width: number; height: number }, isMap: boolean): Box {
  const area = backgroundArea(zone);
  const scale = Math.min(area.w / image.width, area.h / image.height);
  const w = isMap ? area.w : image.width * scale;
  const h = isMap ? area.h : image.height * scale;
  return { x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h };
}
