// A secret's place in a workspace, independent of where its value is kept: a secret variable of an
// environment, or a secret field of a key or gateway profile. Each has one account name, the same
// in the keychain and in the local store.
import { secretAccount } from './keychain';
import { profileSecretAccount } from './profile-secrets';

export type SecretSlot =
  | { kind: 'env'; env: string; name: string }
  | { kind: 'key' | 'gateway'; profile: string; field: string };

/** A secret value with its slot (what an import found). */
export interface SlotValue {
  slot: SecretSlot;
  value: string;
}

export function slotAccount(workspaceId: string, slot: SecretSlot): string {
  return slot.kind === 'env' ? secretAccount(workspaceId, slot.env, slot.name) : profileSecretAccount(workspaceId, slot.kind, slot.profile, slot.field);
}

/** `environment staging: apiKey`, `key profile team: key` (never the value). */
export function slotLabel(slot: SecretSlot): string {
  return slot.kind === 'env' ? `environment ${slot.env}: ${slot.name}` : `${slot.kind} profile ${slot.profile}: ${slot.field}`;
}
