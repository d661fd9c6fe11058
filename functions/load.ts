import { app } from '@azure/functions';
import { queueOf } from '../shared/chain/chain';
import { ConnectionNames } from '../shared/config/settingNames';
import { stageTrigger } from '../shared/hosting/azure/stageTrigger';

app.serviceBusQueue('load', {
  connection: ConnectionNames.serviceBus,
  queueName: queueOf('load'),
  handler: stageTrigger('load'),
});
