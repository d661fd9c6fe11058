import { app } from '@azure/functions';
import { queueOf } from '../shared/chain/chain';
import { ConnectionNames } from '../shared/config/settingNames';
import { stageTrigger } from '../shared/hosting/azure/stageTrigger';

app.serviceBusQueue('map', {
  connection: ConnectionNames.serviceBus,
  queueName: queueOf('map'),
  handler: stageTrigger('map'),
});
