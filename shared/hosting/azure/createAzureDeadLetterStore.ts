import { DefaultAzureCredential } from '@azure/identity';
import { SettingNames } from '../../config/settingNames';
import { ServiceBusDeadLetterReader } from '../../messaging/service-bus-dead-letters';

type Environment = Record<string, string | undefined>;

/** True when the environment names a Service Bus namespace (Azure) or emulator, so operator tools act there. */
export function hasServiceBus(env: Environment = process.env): boolean {
  return Boolean(env[SettingNames.serviceBusConnection] || env[SettingNames.serviceBusNamespace]);
}

/** The dead-letter queues of the stage queues: a connection string for the emulator, managed identity in Azure. */
export function createAzureDeadLetterStore(env: Environment = process.env): ServiceBusDeadLetterReader {
  if (env[SettingNames.serviceBusConnection]) return ServiceBusDeadLetterReader.fromConnectionString(env[SettingNames.serviceBusConnection]!);
  const namespace = env[SettingNames.serviceBusNamespace];
  if (!namespace) throw new Error(`app setting ${SettingNames.serviceBusNamespace} (or ${SettingNames.serviceBusConnection}) is not set`);
  return ServiceBusDeadLetterReader.fromNamespace(namespace, new DefaultAzureCredential());
}
