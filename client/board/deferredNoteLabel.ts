/**
 * Notes whose text is measured only when something asks where their text is. tldraw measures every note's text
 * (a forced layout each, about 1.5 ms on a modest machine) as soon as the editor needs the note's outline: to index
 * the board for hovering, before anything is drawn. The outline does not depend on the text — its height is stored
 * in the note (`growY`) — only the text's own box does, and tldraw leaves that box out of the note's bounds. Here
 * the outline is built from the record and the text's box waits for a hit test that asks for labels.
 */
import { Geometry2d, Group2d, NoteShapeUtil, Rectangle2d, getDisplayValues, type TLNoteShape, type Vec } from 'tldraw';

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
