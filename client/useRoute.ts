import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'new-workshop' }
  | { name: 'join'; code: string | null }
  | { name: 'session'; sessionId: string }
  | { name: 'project'; sessionId: string }
  | { name: 'room'; sessionId: string }
  | { name: 'sheet'; sessionId: string }
  | { name: 'bank' }
  | { name: 'bank-project'; projectId: string }
  | { name: 'report' }
  | { name: 'bank-entry'; sessionId: string }
  | { name: 'demarche'; projectId: string }
  | { name: 'not-found' };

const ID = '([A-Za-z0-9_-]{1,64})';

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (/^\/nouvel-atelier\/?$/.test(pathname)) return { name: 'new-workshop' };
  if (/^\/rejoindre\/?$/.test(pathname)) return { name: 'join', code: null };
  const join = /^\/rejoindre\/([A-Za-z0-9 -]{1,12})\/?$/.exec(decodeURIComponent(pathname));
  if (join?.[1]) return { name: 'join', code: join[1] };
  if (/^\/banque\/?$/.test(pathname)) return { name: 'bank' };
  const bankProject = new RegExp(`^/banque/demarches/${ID}/?$`).exec(pathname);
  if (bankProject?.[1]) return { name: 'bank-project', projectId: bankProject[1] };
  const bankEntry = new RegExp(`^/banque/${ID}/?$`).exec(pathname);
  if (bankEntry?.[1]) return { name: 'bank-entry', sessionId: bankEntry[1] };
  if (/^\/rapport-rendu\/?$/.test(pathname)) return { name: 'report' };
  const demarche = new RegExp(`^/demarches/${ID}/?$`).exec(pathname);
  if (demarche?.[1]) return { name: 'demarche', projectId: demarche[1] };
  const sheet = new RegExp(`^/s/${ID}/fiche/?$`).exec(pathname);
  if (sheet?.[1]) return { name: 'sheet', sessionId: sheet[1] };
  const project = new RegExp(`^/s/${ID}/projeter/?$`).exec(pathname);
  if (project?.[1]) return { name: 'project', sessionId: project[1] };
  const room = new RegExp(`^/s/${ID}/salle/?$`).exec(pathname);
  if (room?.[1]) return { name: 'room', sessionId: room[1] };
  const session = new RegExp(`^/s/${ID}/?$`).exec(pathname);
  if (session?.[1]) return { name: 'session', sessionId: session[1] };
  return { name: 'not-found' };
}

/** Follows the address bar; `navigate` changes it without a reload. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return route;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
