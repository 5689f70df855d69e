import { useEffect, useState } from 'react';

export type Route = { name: 'home' } | { name: 'session'; sessionId: string } | { name: 'not-found' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  const session = /^\/s\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
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

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
