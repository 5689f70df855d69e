import { Geometry2dFilters, Group2d, Rectangle2d, Vec } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { DeferredLabel2d } from '../../client/board/deferredLabels.js';

/** tldraw's label rectangle of a 200 × 260 note whose text takes 150 × 80 in its middle. */
const measuredLabel = () => new Rectangle2d({ x: 25, y: 90, width: 150, height: 80, isFilled: true, isLabel: true, excludeFromShapeBounds: true });

function note() {
  let measures = 0;
  const label = new DeferredLabel2d(() => {
    measures++;
    return measuredLabel();
  });
  const geometry = new Group2d({ children: [new Rectangle2d({ width: 200, height: 260, isFilled: true }), label] });
  return { geometry, label, measures: () => measures };
}

describe("a note's text box, measured on demand", () => {
  it('gives the note its bounds from the record alone, without measuring the text', () => {
    const { geometry, label, measures } = note();
    expect(geometry.bounds.toJson()).toEqual({ x: 0, y: 0, w: 200, h: 260 });
    expect(geometry.hitTestPoint(new Vec(100, 20), 0, true)).toBe(true);
    expect(geometry.hitTestPoint(new Vec(300, 20), 0, true)).toBe(false);
    expect(label.isLabel && label.excludeFromShapeBounds && label.isFilled).toBe(true);
    expect(measures()).toBe(0);
  });

  it('measures once, when a hit test asks for labels, and answers as the measured box', () => {
    const { geometry, label, measures } = note();
    const inText = new Vec(100, 120);
    const besideText = new Vec(100, 20);
    const hitsLabel = (point: Vec) => geometry.children.some((child) => child.isLabel && child.hitTestPoint(point, 0, true));
    expect(hitsLabel(inText)).toBe(true);
    expect(hitsLabel(besideText)).toBe(false);
    expect(geometry.hitTestPoint(besideText, 0, true, Geometry2dFilters.INCLUDE_ALL)).toBe(true);
    expect(label.bounds.toJson()).toEqual(measuredLabel().bounds.toJson());
    expect(label.vertices).toEqual(measuredLabel().vertices);
    expect(label.getSvgPathData(true)).toBe(measuredLabel().getSvgPathData());
    expect(label.nearestPoint(new Vec(0, 0))).toEqual(measuredLabel().nearestPoint(new Vec(0, 0)));
    expect(measures()).toBe(1);
  });
});
