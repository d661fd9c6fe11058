import { app } from '@azure/functions';
import { queueOf } from '../shared/chain/chain';
import { ConnectionNames } from '../shared/config/settingNames';
import { stageTrigger } from '../shared/hosting/azure/stageTrigger';

app.serviceBusQueue('link', {
  connection: ConnectionNames.serviceBus,
  queueName: queueOf('link'),
  handler: stageTrigger('link'),
});
