import { BankEntryPage } from './pages/BankEntryPage.js';
import { BankProjectPage } from './pages/BankProjectPage.js';
import { BankPage } from './pages/BankPage.js';
import { HomePage } from './pages/HomePage.js';
import { NewWorkshopPage } from './pages/NewWorkshopPage.js';
import { SessionSheetPage } from './pages/SessionSheetPage.js';
import { ReportPage } from './report/ReportPage.js';
import { JoinPage } from './pages/JoinPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { ProjectionPage } from './pages/ProjectionPage.js';
import { ProjectPage } from './pages/ProjectPage.js';
import { RoomPage } from './pages/RoomPage.js';
import { SessionPage } from './pages/SessionPage.js';
import { useRoute } from './useRoute.js';

/** A handful of screens: a router library would add more than it saves. */
export function App() {
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
