import { app } from '@azure/functions';
import { dashboardTrigger } from '../shared/hosting/azure/dashboardTrigger';

// A page for people in a browser: access is enforced by App Service Authentication (Entra ID), not function keys.
app.http('dashboard', {
  methods: ['GET'],
  authLevel: 'anonymous',
  route: 'dashboard/{product}',
  handler: dashboardTrigger(),
});
