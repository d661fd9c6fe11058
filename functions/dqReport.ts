import { app } from '@azure/functions';
import { dqReportTrigger } from '../shared/hosting/azure/dqReportTrigger';

// Linked from the dashboards and opened in a browser; the commissioner view is disclosure-controlled.
app.http('dqReport', {
  methods: ['GET'],
  authLevel: 'anonymous',
  route: 'reports/dq/{product}/latest',
  handler: dqReportTrigger(),
});
