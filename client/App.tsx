import { HomePage } from './pages/HomePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { SessionPage } from './pages/SessionPage.js';
import { useRoute } from './useRoute.js';

/** Three screens for now; a router library would add more than it saves. */
export function App() {
  const route = useRoute();
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'session':
      return <SessionPage sessionId={route.sessionId} />;
    default:
      return <NotFoundPage />;
  }
}
