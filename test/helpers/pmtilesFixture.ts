/**
 * A tiny PMTiles v3 file of vector tiles made on the spot, so the map tests
 * need no downloaded extract: around one point, one tile per zoom level
 * 0–`maxZoom`, each with land, water, a road and a building (the layer names
 * of common OpenStreetMap extracts). Written by hand to the two specs
 * (PMTiles v3, Mapbox Vector Tile 2.1), uncompressed.
 */
import { writeFile } from 'node:fs/promises';
import { zxyToTileId } from 'pmtiles';

class ProtoWriter {
  private bytes: number[] = [];
  varint(value: number): this {
    let v = value;
    while (v > 0x7f) {
      this.bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.bytes.push(v);
    return this;
  }
  field(tag: number, wire: 0 | 2): this {
    return this.varint((tag << 3) | wire);
  }
  uint(tag: number, value: number): this {
    return this.field(tag, 0).varint(value);
  }
  bytesField(tag: number, data: Uint8Array): this {
    this.field(tag, 2).varint(data.length);
    this.bytes.push(...data);
    return this;
  }
  string(tag: number, text: string): this {
    return this.bytesField(tag, new TextEncoder().encode(text));
  }
  packed(tag: number, values: number[]): this {
    const inner = new ProtoWriter();
    for (const v of values) inner.varint(v);
    return this.bytesField(tag, inner.finish());
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

const zigzag = (n: number) => (n << 1) ^ (n >> 31);
const command = (id: number, count: number) => (id & 0x7) | (count << 3);

/** MVT geometry of a closed ring or a line through `points` (tile coordinates, extent 4096). */
function geometry(points: [number, number][], closed: boolean): number[] {
  const out = [command(1, 1), zigzag(points[0]![0]), zigzag(points[0]![1]), command(2, points.length - 1)];
  for (let i = 1; i < points.length; i++) {
    out.push(zigzag(points[i]![0] - points[i - 1]![0]), zigzag(points[i]![1] - points[i - 1]![1]));
  }
  if (closed) out.push(command(7, 1));
  return out;
}

function layer(name: string, type: 2 | 3, points: [number, number][]): Uint8Array {
  const feature = new ProtoWriter().uint(1, 1).uint(3, type).packed(4, geometry(points, type === 3)).finish();
  return new ProtoWriter().uint(15, 2).string(1, name).bytesField(2, feature).uint(5, 4096).finish();
}

function vectorTile(): Uint8Array {
  const tile = new ProtoWriter();
  tile.bytesField(3, layer('earth', 3, [[0, 0], [4096, 0], [4096, 4096], [0, 4096]]));
  tile.bytesField(3, layer('water', 3, [[2600, 0], [4096, 0], [4096, 1500], [2600, 1500]]));
  tile.bytesField(3, layer('roads', 2, [[0, 4096], [2048, 2048], [4096, 1800]]));
  tile.bytesField(3, layer('buildings', 3, [[1800, 2300], [2300, 2300], [2300, 2800], [1800, 2800]]));
  return tile.finish();
}

function tileOf(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [x, y];
}

function directory(entries: { tileId: number; offset: number; length: number }[]): Uint8Array {
  const w = new ProtoWriter().varint(entries.length);
  let last = 0;
  for (const e of entries) {
    w.varint(e.tileId - last);
    last = e.tileId;
  }
  for (const _ of entries) w.varint(1);
  for (const e of entries) w.varint(e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    w.varint(previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return w.finish();
}

/** Writes the file; resolves with what a map centred on it should show. */
export async function writeTestPmtiles(file: string, centre = { lng: 2.1227, lat: 50.7064 }, maxZoom = 12): Promise<void> {
  const content = vectorTile();
  const entries = Array.from({ length: maxZoom + 1 }, (_, z) => {
    const [x, y] = tileOf(centre.lng, centre.lat, z);
    return { tileId: zxyToTileId(z, x, y), offset: 0, length: content.length };
  }).sort((a, b) => a.tileId - b.tileId);
  // Every entry points at the same bytes: identical tiles are stored once (as real extracts do for the sea).
  const root = directory(entries);
  const metadata = new TextEncoder().encode(
    JSON.stringify({ name: 'Trame test', vector_layers: ['earth', 'water', 'roads', 'buildings'].map((id) => ({ id, fields: {} })) }),
  );
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'latin1');
  header.writeUInt8(3, 7);
  const u64 = (at: number, v: number) => header.writeBigUInt64LE(BigInt(v), at);
  const rootOffset = 127;
  const metadataOffset = rootOffset + root.length;
  const dataOffset = metadataOffset + metadata.length;
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, dataOffset);
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, content.length);
  u64(72, entries.length);
  u64(80, entries.length);
  u64(88, 1);
  header.writeUInt8(0, 96); // not clustered: offsets repeat
  header.writeUInt8(1, 97); // directories uncompressed
  header.writeUInt8(1, 98); // tiles uncompressed
  header.writeUInt8(1, 99); // MVT
  header.writeUInt8(0, 100);
  header.writeUInt8(maxZoom, 101);
  const e7 = (v: number) => Math.round(v * 1e7);
  header.writeInt32LE(e7(centre.lng - 0.05), 102);
  header.writeInt32LE(e7(centre.lat - 0.03), 106);
  header.writeInt32LE(e7(centre.lng + 0.05), 110);
  header.writeInt32LE(e7(centre.lat + 0.03), 114);
  header.writeUInt8(maxZoom, 118);
  header.writeInt32LE(e7(centre.lng), 119);
  header.writeInt32LE(e7(centre.lat), 123);
  await writeFile(file, Buffer.concat([header, root, metadata, content]));
}
