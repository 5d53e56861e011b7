import { access, constants } from 'node:fs/promises';
import { ContractError, type ServiceImpl } from '../../shared/contract';
import type { Settings, SettingsPatch, settingsContract } from '../../shared/contract/settings';
import type { SettingsStore } from '../settings/settings-store';

export interface SettingsServiceHooks {
  /** runs after a change is saved (the history prunes to a smaller size at once) */
  afterSet?: (settings: Settings, patch: SettingsPatch) => Promise<unknown> | undefined;
}

export function createSettingsService(store: SettingsStore, hooks: SettingsServiceHooks = {}): ServiceImpl<typeof settingsContract> {
  return {
    get: () => store.get(),
    async set({ patch }) {
      // A CA file that cannot be read would fail every send: refuse it here, where the user typed it.
      if (patch.caFile) {
        await access(patch.caFile, constants.R_OK).catch((err: Error) => {
          throw new ContractError({ code: 'invalid-arguments', message: `CA file ${patch.caFile}: ${err.message}`, remedy: 'Give the path of a readable PEM file.' });
        });
      }
      const saved = await store.set(patch);
      await hooks.afterSet?.(saved, patch);
      return saved;
    },
  };
}
