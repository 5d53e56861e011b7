import './profiles.css';

export { ProfileSelectors, Selector as ProfileSlotSelect } from './profile-selectors';
export { KeyProfileList, GatewayProfileList, NewProfileButton } from './profile-lists';
export { RequestProfiles, ProfilePick } from './request-profiles';
export { useProfileOverrides, overrideFor, type ProfileOverride } from './overrides';
export { useProfilesStore } from './profiles.store';
