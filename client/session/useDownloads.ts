import { useState } from 'react';
import { useErrorMessage } from '../useErrorMessage.js';
import { downloadFile } from './downloadFile.js';

/**
 * Downloads started from buttons (report, CSV, archive, suites' exports): one at a time, which one is under way,
 * and the error of the last one in the reader's language.
 */
export function useDownloads(token: string): {
  busy: string | null;
  error: string | null;
  download: (kind: string, path: string, fallback: string) => Promise<void>;
} {
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (kind: string, path: string, fallback: string) => {
    setBusy(kind);
    setError(null);
    try {
      await downloadFile(path, token, fallback);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, download };
}
