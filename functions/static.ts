import { app } from '@azure/functions';
import { staticAssetTrigger } from '../shared/hosting/azure/staticAssetTrigger';

// The dashboards' script, styles and Chart.js, loaded by the browser with the page.
app.http('static', {
  methods: ['GET'],
  authLevel: 'anonymous',
  route: 'static/{asset}',
  handler: staticAssetTrigger(),
});
