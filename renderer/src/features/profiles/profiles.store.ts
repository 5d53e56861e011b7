import { create } from 'zustand';
import type { z } from 'zod';
import type { GatewayEntrySchema, KeyEntrySchema, PresetSchema } from '../../../../shared/contract';
import type { GatewayProfileInput, KeyProfileInput } from '../../../../shared/model';
import { api, toClientError } from '../../platform';

export type KeyEntry = z.output<typeof KeyEntrySchema>;
export type GatewayEntry = z.output<typeof GatewayEntrySchema>;
export type Preset = z.output<typeof PresetSchema>;
export type ProfileKind = 'key' | 'gateway';

/** The open editor: a profile by name, or a new one (name null). */
export interface EditorTarget { kind: ProfileKind; name: string | null }

interface ProfilesState {
  root: string | null;
  keys: KeyEntry[];
  gateways: GatewayEntry[];
  presets: Preset[];
  error: string | null;
  editor: EditorTarget | null;
  refresh(root: string | null): Promise<void>;
  openEditor(kind: ProfileKind, name: string | null): void;
  closeEditor(): void;
}

const errText = (err: unknown) => {
  const e = toClientError(err);
  return e.remedy ? `${e.message} ${e.remedy}` : e.message;
};

export const useProfilesStore = create<ProfilesState>()((set, get) => ({
  root: null, keys: [], gateways: [], presets: [], error: null, editor: null,
  async refresh(root) {
    if (!root) {
      set({ root: null, keys: [], gateways: [], editor: null });
      return;
    }
    try {
      const [list, presets] = await Promise.all([
        api.profiles.list({ dir: root }),
        get().presets.length ? Promise.resolve(get().presets) : api.profiles.presets({}),
      ]);
      set({ root, keys: list.keys, gateways: list.gateways, presets, error: null });
    } catch (err) {
      set({ root, error: errText(err) });
    }
  },
  openEditor: (kind, name) => set({ editor: { kind, name } }),
  closeEditor: () => set({ editor: null }),
}));

const state = () => useProfilesStore.getState();

/** Saves a key profile (renames follow previousName), then stores the typed secrets. Returns an error text or null. */
export async function saveKeyProfile(profile: KeyProfileInput, opts: { previousName?: string; baseVersion?: string; secrets: Record<string, string> }): Promise<string | null> {
  return save('key', profile.name, opts.secrets, () => api.profiles.saveKey({
    dir: state().root ?? '', profile, ...(opts.previousName && opts.previousName !== profile.name ? { previousName: opts.previousName } : {}),
    ...(opts.baseVersion ? { baseVersion: opts.baseVersion } : {}),
  }));
}

export async function saveGatewayProfile(profile: GatewayProfileInput, opts: { previousName?: string; baseVersion?: string; secrets: Record<string, string> }): Promise<string | null> {
  return save('gateway', profile.name, opts.secrets, () => api.profiles.saveGateway({
    dir: state().root ?? '', profile, ...(opts.previousName && opts.previousName !== profile.name ? { previousName: opts.previousName } : {}),
    ...(opts.baseVersion ? { baseVersion: opts.baseVersion } : {}),
  }));
}

async function save(kind: ProfileKind, name: string, secrets: Record<string, string>, write: () => Promise<unknown>): Promise<string | null> {
  const root = state().root;
  if (!root) return 'Open a workspace first.';
  try {
    await write();
  } catch (err) {
    return errText(err);
  }
  const failures: string[] = [];
  for (const [field, value] of Object.entries(secrets)) {
    if (!value) continue;
    try {
      await api.profiles.setSecret({ dir: root, kind, profile: name, field, value });
    } catch (err) {
      failures.push(`${field}: ${errText(err)}`);
    }
  }
  await state().refresh(root);
  return failures.length ? `Saved, but the keychain refused: ${failures.join('; ')}` : null;
}

export async function deleteProfile(kind: ProfileKind, name: string): Promise<string | null> {
  const root = state().root;
  if (!root) return null;
  try {
    if (kind === 'key') await api.profiles.deleteKey({ dir: root, name });
    else await api.profiles.deleteGateway({ dir: root, name });
    await state().refresh(root);
    return null;
  } catch (err) {
    return errText(err);
  }
}

export async function clearProfileSecret(kind: ProfileKind, profile: string, field: string): Promise<string | null> {
  const root = state().root;
  if (!root) return null;
  try {
    await api.profiles.clearSecret({ dir: root, kind, profile, field });
    await state().refresh(root);
    return null;
  } catch (err) {
    return errText(err);
  }
}
