import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from './i18n/i18n.js';
import { PageError } from './PageError.js';
import { JoinPage } from './pages/JoinPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { SessionPage } from './pages/SessionPage.js';
import { useRoute } from './useRoute.js';

// What a participant's phone opens (joining, then the board) is in the entry chunk; every other page loads on
// demand, so that a phone evaluates neither the facilitator's screens nor the bank's before it can write.
const HomePage = lazy(() => import('./pages/HomePage.js').then((m) => ({ default: m.HomePage })));
const NewWorkshopPage = lazy(() => import('./pages/NewWorkshopPage.js').then((m) => ({ default: m.NewWorkshopPage })));
const ProjectionPage = lazy(() => import('./pages/ProjectionPage.js').then((m) => ({ default: m.ProjectionPage })));
const RoomPage = lazy(() => import('./pages/RoomPage.js').then((m) => ({ default: m.RoomPage })));
const SessionSheetPage = lazy(() => import('./pages/SessionSheetPage.js').then((m) => ({ default: m.SessionSheetPage })));
const ReportPage = lazy(() => import('./report/ReportPage.js').then((m) => ({ default: m.ReportPage })));
const BankPage = lazy(() => import('./pages/BankPage.js').then((m) => ({ default: m.BankPage })));
const ProjectPage = lazy(() => import('./pages/ProjectPage.js').then((m) => ({ default: m.ProjectPage })));
const BankProjectPage = lazy(() => import('./pages/BankProjectPage.js').then((m) => ({ default: m.BankProjectPage })));
const BankEntryPage = lazy(() => import('./pages/BankEntryPage.js').then((m) => ({ default: m.BankEntryPage })));

/** A handful of screens: a router library would add more than it saves. */
export function App() {
  const { t } = useTranslation();
  return (
    <PageFailure>
      <Suspense
        fallback={
          <p className="centered" aria-live="polite">
            {t('app.pageLoading')}
          </p>
        }
      >
        <Page />
      </Suspense>
    </PageFailure>
  );
}

/** A page whose code could not be fetched (offline, a new version deployed meanwhile) or that failed to render. */
class PageFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    if (!this.state.failed) return this.props.children;
    return <PageError message={i18n.t('app.pageFailed')} backHref={window.location.href} backLabel={i18n.t('app.reload')} />;
  }
}

function Page() {
  const route = useRoute();
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'new-workshop':
      return <NewWorkshopPage />;
    case 'join':
      return <JoinPage code={route.code} />;
    case 'session':
      return <SessionPage sessionId={route.sessionId} />;
    case 'project':
      return <ProjectionPage sessionId={route.sessionId} />;
    case 'room':
      return <RoomPage sessionId={route.sessionId} />;
    case 'sheet':
      return <SessionSheetPage sessionId={route.sessionId} />;
    case 'report':
      return <ReportPage />;
    case 'bank':
      return <BankPage />;
    case 'demarche':
      return <ProjectPage projectId={route.projectId} />;
    case 'bank-project':
      return <BankProjectPage projectId={route.projectId} />;
    case 'bank-entry':
      return <BankEntryPage sessionId={route.sessionId} />;
    default:
      return <NotFoundPage />;
  }
}
