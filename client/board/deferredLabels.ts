/**
 * Notes and labelled shapes whose text is measured only when something asks where their text is. tldraw measures
 * every note's and every labelled shape's text (a forced layout each, about 1.5 ms on a modest machine) as soon as
 * the editor needs the shape's outline: to index the board for hovering, before anything is drawn. The outline does
 * not depend on the text — a note's or a shape's height is stored in its record (`growY`) — only the text's own box
 * does, and tldraw leaves that box out of the shape's bounds. Here the outline is built from the record and the
 * text's box waits for a hit test that asks for labels. A four-canvas board has some fifty labelled zones and titles.
 */
import {
  GeoShapeUtil,
  Geometry2d,
  Group2d,
  NoteShapeUtil,
  Rectangle2d,
  getDisplayValues,
  toRichText,
  type TLGeoShape,
  type TLNoteShape,
  type Vec,
} from 'tldraw';
import { richTextToPlain } from '../../shared/richText.js';

/** A geometry built on first use, with the flags of tldraw's label rectangle known beforehand. */
export class DeferredLabel2d extends Geometry2d {
  private built: Geometry2d | undefined;

  constructor(private readonly build: () => Geometry2d) {
    super({ isClosed: true, isFilled: true, isLabel: true, excludeFromShapeBounds: true });
  }

  private get target(): Geometry2d {
    this.built ??= this.build();
    return this.built;
  }

  getVertices(): Vec[] {
    return this.target.vertices;
  }

  nearestPoint(point: Vec): Vec {
    return this.target.nearestPoint(point);
  }

  override getBounds() {
    return this.target.bounds;
  }

  getSvgPathData(first: boolean): string {
    return this.target.getSvgPathData(first);
  }
}

export class DeferredNoteShapeUtil extends NoteShapeUtil {
  override getGeometry(shape: TLNoteShape): Group2d {
    const { noteWidth, noteHeight } = getDisplayValues(this, shape);
    const { scale, growY } = shape.props;
    return new Group2d({
      children: [
        new Rectangle2d({ width: noteWidth * scale, height: (noteHeight + growY) * scale, isFilled: true }),
        new DeferredLabel2d(() => super.getGeometry(shape).children[1]!),
      ],
    });
  }
}

const NO_TEXT = toRichText('');

export class DeferredGeoShapeUtil extends GeoShapeUtil {
  override getGeometry(shape: TLGeoShape): Group2d {
    // Without text, tldraw measures nothing, and its empty label is never hit.
    if (richTextToPlain(shape.props.richText) === '') return super.getGeometry(shape);
    // The outline is the same with or without a label; without one, tldraw measures nothing.
    const outline = super.getGeometry({ ...shape, props: { ...shape.props, richText: NO_TEXT } }).children[0]!;
    return new Group2d({ children: [outline, new DeferredLabel2d(() => super.getGeometry(shape).children[1]!)] });
  }
}
