/**
 * What a page fetched and when, read from Chromium's network layer: each
 * request's start, first byte and end, and each WebSocket's handshake and
 * first frame, in milliseconds from the navigation. Printed by the opening
 * bench's `--trace` to see which round trips follow one another.
 */
import type { CDPSession } from 'playwright-core';

interface Row {
  url: string;
  startS: number;
  firstByteS?: number;
  endS?: number;
  bytes?: number;
  firstFrameS?: number;
  /** WebSocket frames received: when and how large (payload characters). */
  frames?: { atS: number; size: number }[];
}

export interface NetworkWaterfall {
  /** One line per request, in order of start: `start → first byte → end  bytes  url`. */
  lines: () => string[];
}

export function watchNetwork(cdp: CDPSession): NetworkWaterfall {
  const rows = new Map<string, Row>();
  const short = (url: string) => url.replace(/^\w+:\/\/[^/]+/, '').replace(/\?.*token=[^&]+/, '?…');
  cdp.on('Network.requestWillBeSent', (e) => rows.set(e.requestId, { url: short(e.request.url), startS: e.timestamp }));
  cdp.on('Network.responseReceived', (e) => {
    const row = rows.get(e.requestId);
    if (row) row.firstByteS = e.timestamp;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const row = rows.get(e.requestId);
    if (row) Object.assign(row, { endS: e.timestamp, bytes: e.encodedDataLength });
  });
  cdp.on('Network.webSocketWillSendHandshakeRequest', (e) => rows.set(e.requestId, { url: short(rows.get(e.requestId)?.url ?? ''), startS: e.timestamp }));
  cdp.on('Network.webSocketCreated', (e) => rows.set(e.requestId, { url: short(e.url), startS: Number.NaN }));
  cdp.on('Network.webSocketHandshakeResponseReceived', (e) => {
    const row = rows.get(e.requestId);
    if (row) row.firstByteS = e.timestamp;
  });
  cdp.on('Network.webSocketFrameReceived', (e) => {
    const row = rows.get(e.requestId);
    if (!row) return;
    row.firstFrameS ??= e.timestamp;
    (row.frames ??= []).push({ atS: e.timestamp, size: e.response.payloadData.length });
  });
  return {
    lines: () => {
      const originS = Math.min(...[...rows.values()].map((r) => r.startS).filter((s) => !Number.isNaN(s)));
      const ms = (s: number | undefined) => (s === undefined || Number.isNaN(s) ? '    —' : String(Math.round((s - originS) * 1000)).padStart(5));
      return [...rows.values()]
        .sort((a, b) => a.startS - b.startS)
        .filter((r) => !/^(data|blob):/.test(r.url))
        .flatMap((r) => [
          `${ms(r.startS)} → ${ms(r.firstByteS)} → ${ms(r.endS ?? r.firstFrameS)}  ${String(Math.round((r.bytes ?? 0) / 1000)).padStart(4)} KB  ${r.url.slice(0, 90)}`,
          ...(r.frames ?? []).slice(0, 4).map((f) => `${ms(f.atS)}   frame of ${f.size} characters`),
        ]);
    },
  };
}
