import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../client/useRoute.js';
import { apiPaths, pagePaths, queryString, yjsBoardPath } from '../../shared/paths.js';

describe('shared paths', () => {
  it('build the public addresses exactly as bookmarks, QR codes and printed links know them', () => {
    expect(pagePaths.join('K7M2QX')).toBe('/rejoindre/K7M2QX');
    expect(pagePaths.join()).toBe('/rejoindre');
    expect(pagePaths.session('s1')).toBe('/s/s1');
    expect(pagePaths.sessionSheet('s1')).toBe('/s/s1/fiche');
    expect(pagePaths.sessionProjection('s1')).toBe('/s/s1/projeter');
    expect(pagePaths.bank).toBe('/banque');
    expect(pagePaths.bankEntry('s1')).toBe('/banque/s1');
    expect(pagePaths.reportRender).toBe('/rapport-rendu');
    expect(yjsBoardPath('s1')).toBe('/yjs/s1');
  });

  it('build the API routes the server mounts', () => {
    expect(apiPaths.session('s1')).toBe('/api/sessions/s1');
    expect(apiPaths.sessionCanvas('s1', 'c 1')).toBe('/api/sessions/s1/canvases/c%201');
    expect(apiPaths.sessionParticipant('s1', 'p1')).toBe('/api/sessions/s1/participants/p1');
    expect(apiPaths.sessionQr('s1')).toBe('/api/sessions/s1/qr.svg');
    expect(apiPaths.sessionReportPdf('s1')).toBe('/api/sessions/s1/report.pdf');
    expect(apiPaths.bankReportPdf('s1')).toBe('/api/bank/s1/report.pdf');
    expect(apiPaths.templatePreview('01-carte')).toBe('/api/templates/01-carte/preview.svg');
    expect(apiPaths.joinCode('K7M2QX')).toBe('/api/join/K7M2QX');
    expect(apiPaths.sessionAsset('s1', 'a_1-B')).toBe('/api/sessions/s1/assets/a_1-B');
  });

  it('leave empty values out of query strings and encode the rest', () => {
    expect(queryString({ q: 'la mer', theme: '', phase: undefined, anonymous: 0 })).toBe('?q=la%20mer&anonymous=0');
    expect(queryString({ q: '' })).toBe('');
  });

  it('are the pages the client router recognises', () => {
    expect(parseRoute(pagePaths.session('s1'))).toEqual({ name: 'session', sessionId: 's1' });
    expect(parseRoute(pagePaths.sessionSheet('s1'))).toEqual({ name: 'sheet', sessionId: 's1' });
    expect(parseRoute(pagePaths.sessionProjection('s1'))).toEqual({ name: 'project', sessionId: 's1' });
    expect(parseRoute(pagePaths.join('K7M2QX'))).toEqual({ name: 'join', code: 'K7M2QX' });
    expect(parseRoute(pagePaths.bankEntry('s1'))).toEqual({ name: 'bank-entry', sessionId: 's1' });
    expect(parseRoute(pagePaths.reportRender)).toEqual({ name: 'report' });
  });
});
