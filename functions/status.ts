import { app } from '@azure/functions';
import { statusTrigger } from '../shared/hosting/azure/statusTrigger';

// host.json sets no route prefix, so pages sit at /dashboard and /reports; API routes carry /api themselves.
app.http('status', {
  methods: ['GET'],
  authLevel: 'function',
  route: 'api/status/{extractId?}',
  handler: statusTrigger(),
});
