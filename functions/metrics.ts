import { app } from '@azure/functions';
import { metricsTrigger } from '../shared/hosting/azure/metricsTrigger';

// Anonymous at the function: the dashboards call it from the browser, so access is enforced by App Service
// Authentication (Entra ID) in front of the app, and every figure is disclosure-controlled.
app.http('metrics', {
  methods: ['GET'],
  authLevel: 'anonymous',
  route: 'api/products/{product}/metrics/{view}',
  handler: metricsTrigger(),
});
