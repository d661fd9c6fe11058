import { SettingNames } from '../../shared/config/settingNames';

/** Settings only a laptop run reads (documented as such in settingNames.ts and the README table). */
export const laptopOnlySettings: readonly string[] = [SettingNames.localStateDir, SettingNames.duckDbPath];

/**
 * Connection-string forms of a binding connection; Azure uses the identity-based `<prefix>__…` settings instead,
 * so these belong in local.settings.sample.json and never in the templates.
 */
export const connectionStringAlternatives: readonly string[] = [SettingNames.storageConnection, SettingNames.serviceBusConnection];
