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

export type SecretWhere = 'keychain' | 'local-store';

/** Where the last save put each typed secret; `n` counts saves, so the editor reopens fresh. */
export interface LastSaved { kind: ProfileKind; profile: string; where: Record<string, SecretWhere>; n: number }

/** A save either failed (the editor shows why) or succeeded; it stays open when a secret went to the local store, to say so. */
export type SaveOutcome = { error: string } | { saved: true; keepOpen: boolean };

interface ProfilesState {
  root: string | null;
  keys: KeyEntry[];
  gateways: GatewayEntry[];
  presets: Preset[];
  error: string | null;
  editor: EditorTarget | null;
  lastSaved: LastSaved | null;
  refresh(root: string | null): Promise<void>;
  openEditor(kind: ProfileKind, name: string | null): void;
  closeEditor(): void;
}

const errText = (err: unknown) => {
  const e = toClientError(err);
  return e.remedy ? `${e.message} ${e.remedy}` : e.message;
};

export const useProfilesStore = create<ProfilesState>()((set, get) => ({
  root: null, keys: [], gateways: [], presets: [], error: null, editor: null, lastSaved: null,
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
  openEditor: (kind, name) => set({ editor: { kind, name }, lastSaved: null }),
  closeEditor: () => set({ editor: null, lastSaved: null }),
}));

const state = () => useProfilesStore.getState();

/** Where the last save put each secret of this profile (the editor says it when that was the local store). */
export function useSavedTo(kind: ProfileKind, profile: string): (field: string) => SecretWhere | undefined {
  const last = useProfilesStore((s) => s.lastSaved);
  return (field) => (last && last.kind === kind && last.profile === profile ? last.where[field] : undefined);
}

/** Saves a key profile (renames follow previousName), then stores the typed secrets. Returns an error text or null. */
export async function saveKeyProfile(profile: KeyProfileInput, opts: { previousName?: string; baseVersion?: string; secrets: Record<string, string> }): Promise<SaveOutcome> {
  return save('key', profile.name, opts.secrets, () => api.profiles.saveKey({
    dir: state().root ?? '', profile, ...(opts.previousName && opts.previousName !== profile.name ? { previousName: opts.previousName } : {}),
    ...(opts.baseVersion ? { baseVersion: opts.baseVersion } : {}),
  }));
}

export async function saveGatewayProfile(profile: GatewayProfileInput, opts: { previousName?: string; baseVersion?: string; secrets: Record<string, string> }): Promise<SaveOutcome> {
  return save('gateway', profile.name, opts.secrets, () => api.profiles.saveGateway({
    dir: state().root ?? '', profile, ...(opts.previousName && opts.previousName !== profile.name ? { previousName: opts.previousName } : {}),
    ...(opts.baseVersion ? { baseVersion: opts.baseVersion } : {}),
  }));
}

async function save(kind: ProfileKind, name: string, secrets: Record<string, string>, write: () => Promise<unknown>): Promise<SaveOutcome> {
  const root = state().root;
  if (!root) return { error: 'Open a workspace first.' };
  try {
    await write();
  } catch (err) {
    return { error: errText(err) };
  }
  const failures: string[] = [];
  const where: Record<string, SecretWhere> = {};
  for (const [field, value] of Object.entries(secrets)) {
    if (!value) continue;
    try {
      where[field] = (await api.profiles.setSecret({ dir: root, kind, profile: name, field, value })).where;
    } catch (err) {
      failures.push(`${field}: ${errText(err)}`);
    }
  }
  await state().refresh(root);
  if (failures.length) return { error: `Saved, but a secret was not stored: ${failures.join('; ')}` };
  if (!Object.values(where).includes('local-store')) return { saved: true, keepOpen: false };
  // No keychain here: reopen the saved profile so its secret fields say where the value went.
  useProfilesStore.setState({ editor: { kind, name }, lastSaved: { kind, profile: name, where, n: (state().lastSaved?.n ?? 0) + 1 } });
  return { saved: true, keepOpen: true };
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
