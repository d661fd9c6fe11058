import { app } from '@azure/functions';
import { deadLettersTrigger } from '../shared/hosting/azure/deadLettersTrigger';

// Reading dead letters needs a function key; replaying or purging them changes what the pipeline does, so admin only.
app.http('deadletters', {
  methods: ['GET'],
  authLevel: 'function',
  route: 'api/ops/deadletters',
  handler: deadLettersTrigger('list'),
});

app.http('deadlettersReplay', {
  methods: ['POST'],
  authLevel: 'admin',
  route: 'api/ops/deadletters/replay',
  handler: deadLettersTrigger('replay'),
});

app.http('deadlettersPurge', {
  methods: ['POST'],
  authLevel: 'admin',
  route: 'api/ops/deadletters/purge',
  handler: deadLettersTrigger('purge'),
});
