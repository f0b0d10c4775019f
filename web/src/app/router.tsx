import { lazy, Suspense, type ComponentType } from 'react';
import { Spin } from 'antd';
import { createBrowserRouter } from 'react-router';
import { loadBoard, loadShell } from './desk';
import { RequireSession } from './RequireSession';

// Each screen, the log-in page and the signed-in shell are chunks of their own, loaded when first shown, so the first
// load carries only React, the router, Apollo and antd's provider.
function page(load: () => Promise<{ default: ComponentType }>) {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
      <Page />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: page(() => import('../pages/Login/LoginPage')) },
  { path: '/signup', element: page(() => import('../pages/SignUp/SignUpPage')) },
  { path: '/signup/policy', element: <RequireSession>{page(() => import('../pages/SignUp/WizardPage'))}</RequireSession> },
  { path: '/accept-invitation', element: page(() => import('../pages/public/AcceptInvitation/AcceptInvitationPage')) },
  // A tenant's public pages: no log-in; Tenant.ReservedSlugs keeps slugs off the console's and the service's paths.
  { path: '/:slug/feedback', element: page(() => import('../pages/public/Feedback/FeedbackPage')) },
  { path: '/:slug/track', element: page(() => import('../pages/public/Track/TrackPage')) },
  {
    element: (
      <RequireSession>
        {page(loadShell)}
      </RequireSession>
    ),
    children: [
      { index: true, element: page(loadBoard) },
      { path: 'register', element: page(() => import('../pages/Register/RegisterPage')) },
      { path: 'approvals', element: page(() => import('../pages/Approvals/ApprovalsPage')) },
      { path: 'complaints/:id', element: page(() => import('../pages/Complaint/ComplaintPage')) },
      { path: 'settings/policy', element: page(() => import('../pages/Policy/PolicyPage')) },
      { path: 'settings/policy/custom', element: page(() => import('../pages/Policy/CustomPolicyPage')) },
      { path: 'reports', element: page(() => import('../pages/Reports/ReportsPage')) },
      { path: 'settings/billing', element: page(() => import('../pages/Billing/BillingPage')) },
      { path: 'settings/calendar', element: page(() => import('../pages/Calendar/CalendarPage')) },
      { path: 'settings/users', element: page(() => import('../pages/Users/UsersPage')) },
    ],
  },
]);
