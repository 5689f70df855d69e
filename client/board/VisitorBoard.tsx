import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tldraw, createTLStore, defaultBindingUtils, defaultShapeUtils, type Editor, type TLRecord, type TLStore } from 'tldraw';
import 'tldraw/tldraw.css';
import { api } from '../api.js';
import { assetUrls } from './assetUrls.js';
import { boardCameraOptions, boardShapeUtils } from './boardEditorOptions.js';
import { attributionUsers } from './attributionUsers.js';
import { VisitorNavigation } from './BoardNavigation.js';

/**
 * A published board for anyone: the anonymised copy the server wrote at
 * publication, fetched once over HTTP and shown read-only. No live
 * connection, no presence: a visitor is seen by no one and sees no one.
 */
export function VisitorBoard({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const [store, setStore] = useState<TLStore | null>(null);
  const [failed, setFailed] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.bankBoard(sessionId).then(
      (board) => {
        const next = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils, users: attributionUsers(undefined) });
        const migration = next.schema.migrateStoreSnapshot({
          schema: board.schema as never,
          store: Object.fromEntries(board.records.map((r) => [r.id, r])) as never,
        });
        if (migration.type === 'error') return setFailed(true);
        next.put(Object.values(migration.value) as TLRecord[]);
        if (!cancelled) setStore(next);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId]);

  if (failed) return <p role="alert" className="centered">{t('board.closed.default')}</p>;
  if (!store) return <p className="centered">{t('board.loading')}</p>;
  // Opens framed on the canvases, with the navigator to go through them.
  return (
    <div className="visitor-board">
      <Tldraw
        store={store}
        assetUrls={assetUrls}
        shapeUtils={boardShapeUtils}
        cameraOptions={boardCameraOptions}
        onMount={(mounted) => {
          mounted.updateInstanceState({ isReadonly: true });
          setEditor(mounted);
        }}
      />
      {editor && <VisitorNavigation editor={editor} />}
    </div>
  );
}
