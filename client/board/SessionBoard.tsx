import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tldraw, getUserPreferences, setUserPreferences, type Editor, type TLStoreWithStatus } from 'tldraw';
import 'tldraw/tldraw.css';
import { ASSET_ACCEPTED_TYPES, ASSET_UPLOAD_MAX_BYTES } from '../../shared/limits.js';
import { isSessionClosed, FACILITATOR_HEX } from '../../shared/roles.js';
import type { AccessGrant, SessionView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { BoardOverlays } from './BoardOverlays.js';
import { FacilitationLayer } from '../facilitation/FacilitationLayer.js';
import { AccessSection, isSessionJustCreated } from '../session/AccessSection.js';
import { collegeHex } from '../session/collegeHex.js';
import { ExportActions } from '../session/ExportActions.js';
import { SuitesTold } from '../session/SuitesTold.js';
import { useSessionSocket } from '../session/useSessionSocket.js';
import { ContributionsWithdrawnNotice } from '../session/WithdrawContributions.js';
import { useWithdrawal } from '../session/useWithdrawal.js';
import { assetUrls, preloadBoardFonts } from './assetUrls.js';
import { CanvasImageExport } from './CanvasImageExport.js';
import { EditorListView } from './EditorListView.js';
import { BoardNavigation } from './BoardNavigation.js';
import { CanvasTools } from './CanvasTools.js';
import { ExampleNotesToggle } from './ExampleNotesToggle.js';
import { SuitesPanel } from './SuitesPanel.js';
import { AssetErrorAlert } from './AssetErrorAlert.js';
import { BoardContentRules } from './BoardContentRules.js';
import { MapBackgroundTools } from './map/MapBackgroundTools.js';
import { boardCameraOptions, boardShapeUtils } from './boardEditorOptions.js';
import { protectScaffolding } from './protectScaffolding.js';
import { QuietStylePanel } from './QuietStylePanel.js';
import { RefusalNotice } from './RefusalNotice.js';
import { SkippedRecordsNotice } from './SkippedRecordsNotice.js';
import { scaleNotesToCanvas } from './scaleNotesToCanvas.js';
import { tagNotesWithCollege } from './tagNotesWithCollege.js';
import { useConnection } from './useConnection.js';
import { useYjsStore } from './useYjsStore.js';

/** Videos stay off boards (one constant: a new array each render would remount tldraw's UI). */
const NO_VIDEO: readonly string[] = [];
/**
 * tldraw creates its editor again when the license key changes, measuring and drawing every note once more (~0.7 s
 * of CPU for 200 notes): with a key configured, one first visit in eight had read the board before the key arrived.
 * The board waits for the key instead, which is asked at the same moment as the board and comes back before its sync.
 */
const CONFIG_PENDING: TLStoreWithStatus = { status: 'loading' };
// Stable across renders: tldraw remounts its UI when the components object changes.
const components = { InFrontOfTheCanvas: BoardOverlays, StylePanel: QuietStylePanel };

export function SessionBoard({ initialSession, access }: { initialSession: SessionView; access: AccessGrant }) {
  const { t, i18n } = useTranslation();
  const [session, setSession] = useState(initialSession);
  const [removed, setRemoved] = useState(false);
  const { withdrawing, withdrawn, tools } = useWithdrawal(session.id, access);
  const [editor, setEditor] = useState<Editor | null>(null);
  // A phone starts on the lists without tldraw (PhoneBoard): here, the person asked for the canvas.
  const [listView, setListView] = useState(false);
  // undefined until the server's configuration is read (null: no key).
  const [licenseKey, setLicenseKey] = useState<string | null | undefined>();
  const loadMySuites = useCallback(() => api.mySuites(session.id, access.token), [session.id, access.token]);
  const colorByCollege = useRef(session.colorByCollege);
  colorByCollege.current = session.colorByCollege;

  const user = useMemo(
    () => ({
      id: access.participantId,
      name: access.pseudonym,
      color: access.college ? collegeHex[access.college] : FACILITATOR_HEX,
    }),
    [access],
  );
  const readOnly =
    access.role === 'observer' || (access.role === 'participant' && isSessionClosed(session.status));
  const [assetError, setAssetError] = useState<string | null>(null);
  const { storeWithStatus, fatalCloseCode, refusal, skippedRecords, provider } = useYjsStore({
    boardId: session.id,
    params: { token: access.token },
    user,
    readOnly,
    onAssetError: setAssetError,
  });
  // After the board's: Chromium opens one WebSocket to a host at a time, and the canvas waits for the board only.
  const socket = useSessionSocket(session.id, access.token);
  const connection = useConnection(socket, provider, editor);

  useEffect(preloadBoardFonts, []);

  useEffect(() => {
    api
      .getConfig()
      .then((c) => setLicenseKey(c.tldrawLicenseKey))
      .catch(() => setLicenseKey(null));
  }, []);

  useEffect(() => {
    if (!socket) return;
    socket.on('session:changed', (change) =>
      setSession((s) => ({ ...s, ...change, status: change.status as SessionView['status'] })),
    );
    socket.on('session:removed', () => setRemoved(true));
  }, [socket]);

  // tldraw's own menus follow Trame's language.
  useEffect(() => {
    setUserPreferences({ ...getUserPreferences(), locale: i18n.language, name: user.name, color: user.color });
  }, [i18n.language, user]);

  useEffect(() => {
    if (!editor) return;
    const stops = [tagNotesWithCollege(editor, access, () => colorByCollege.current), scaleNotesToCanvas(editor)];
    if (access.role !== 'facilitator') stops.push(protectScaffolding(editor));
    return () => stops.forEach((stop) => stop());
  }, [editor, access]);

  if (withdrawn) return <ContributionsWithdrawnNotice result={withdrawn} />;
  const closedCode = withdrawing ? null : removed ? 4410 : fatalCloseCode;
  if (closedCode !== null) {
    const key = `board.closed.${closedCode}`;
    return (
      <div className="centered" role="alert">
        <p>{i18n.exists(key) ? t(key) : t('board.closed.default')}</p>
        <a href="/">{t('session.back')}</a>
      </div>
    );
  }
  if (storeWithStatus.status === 'error') {
    return (
      <div className="centered" role="alert">
        <p>{t('board.loadFailed', { message: storeWithStatus.error.message })}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('board.reload')}
        </button>
      </div>
    );
  }
  if (!socket) return <p className="centered">{t('board.loading')}</p>;
  const synced = storeWithStatus.status === 'synced-remote';
  const panel =
    access.role === 'facilitator'
      ? {
          initialSection: isSessionJustCreated(session.id) ? ('access' as const) : ('steps' as const),
          canvasTools: editor && (
            <>
              <CanvasTools editor={editor} sessionId={session.id} token={access.token} />
              {/* On a phone the board has no room for it beside the navigator: it is here instead. */}
              <ExampleNotesToggle editor={editor} className="example-notes-toggle--panel" />
              <MapBackgroundTools editor={editor} sessionId={session.id} token={access.token} />
            </>
          ),
          access: <AccessSection session={session} access={access} socket={socket} onSessionChange={setSession} />,
          suites: editor && <SuitesPanel editor={editor} sessionId={session.id} token={access.token} />,
          exports: (
            <>
              <ExportActions sessionId={session.id} token={access.token} />
              {editor && <CanvasImageExport editor={editor} />}
            </>
          ),
        }
      : undefined;
  return (
    <FacilitationLayer
      socket={socket}
      principal={access}
      editor={editor}
      session={session}
      connection={synced ? connection : null}
      listView={listView}
      onListView={() => setListView((v) => !v)}
      panel={panel}
      participantTools={tools}
    >
      <Tldraw
        store={licenseKey === undefined ? CONFIG_PENDING : storeWithStatus}
        assetUrls={assetUrls}
        licenseKey={licenseKey ?? undefined}
        onMount={setEditor}
        shapeUtils={boardShapeUtils}
        cameraOptions={boardCameraOptions}
        components={components}
        acceptedImageMimeTypes={ASSET_ACCEPTED_TYPES}
        acceptedVideoMimeTypes={NO_VIDEO}
        maxAssetSize={ASSET_UPLOAD_MAX_BYTES}
      >
        <BoardContentRules onRefused={setAssetError} />
      </Tldraw>
      {assetError && <AssetErrorAlert message={assetError} onDismiss={() => setAssetError(null)} />}
      <RefusalNotice refusal={refusal} />
      {access.role === 'observer' && (
        <p className="board-notice read-only-banner" role="status">
          {t('board.observerMode')}
        </p>
      )}
      {editor && (
        <BoardNavigation
          editor={editor}
          socket={socket}
          participantId={access.participantId}
          facilitator={access.role === 'facilitator'}
          listView={listView}
        />
      )}
      {listView && editor && (
        <div className="list-view-overlay">
          <EditorListView editor={editor} socket={socket} principal={access} readOnly={readOnly} />
        </div>
      )}
      <div className="board-notices board-notices--lower">
        {access.role === 'participant' && <SuitesTold load={loadMySuites} title={t('suites.toldMine')} className="suites-told--side" />}
        <SkippedRecordsNotice
          count={skippedRecords.length}
          sessionId={session.id}
          token={access.token}
          facilitator={access.role === 'facilitator'}
        />
      </div>
    </FacilitationLayer>
  );
}
