import { app } from '@azure/functions';
import { statusTrigger } from '../shared/hosting/azure/statusTrigger';

app.http('status', {
  methods: ['GET'],
  authLevel: 'function',
  route: 'status/{extractId?}',
  handler: statusTrigger(),
});
