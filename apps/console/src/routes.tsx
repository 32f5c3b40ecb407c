import { Navigate, createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { AuditWorkspacePage } from './pages/AuditWorkspacePage';
import { AuditorsPage } from './pages/AuditorsPage';
import { BoardPage } from './pages/BoardPage';
import { CentrePage } from './pages/CentrePage';
import { DashboardPage } from './pages/DashboardPage';
import { DecisionQueuePage } from './pages/DecisionQueuePage';
import { MyAuditsPage } from './pages/MyAuditsPage';
import { RegisterCentrePage } from './pages/RegisterCentrePage';
import { SignInPage } from './pages/SignInPage';
import { TimelinePage } from './pages/TimelinePage';
import { homeOf, useSession } from './session/session';

function Home() {
  const { session } = useSession();
  return <Navigate to={session ? homeOf(session) : '/sign-in'} replace />;
}

/** Real, bookmarkable paths under /console (the engine answers index.html for each). */
export const router = createBrowserRouter(
  [
    { path: '/sign-in', element: <SignInPage /> },
    {
      element: <Layout />,
      children: [
        { index: true, element: <Home /> },
        { path: 'centres', element: <BoardPage /> },
        { path: 'centres/new', element: <RegisterCentrePage /> },
        { path: 'centres/:centreId', element: <CentrePage /> },
        { path: 'centres/:centreId/audits/:auditId', element: <AuditWorkspacePage /> },
        { path: 'centres/:centreId/trail', element: <TimelinePage /> },
        { path: 'my-audits', element: <MyAuditsPage /> },
        { path: 'auditors', element: <AuditorsPage /> },
        { path: 'decisions', element: <DecisionQueuePage /> },
        { path: 'dashboard', element: <DashboardPage /> },
        { path: '*', element: <Home /> },
      ],
    },
  ],
  { basename: '/console' },
);
