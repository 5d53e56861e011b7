export { useWorkspaceStore, type EnvironmentInfo, type LastStatus } from './workspace.store';
export { WorkspaceTree } from './workspace-tree';
export { WorkspaceEmptyState } from './empty-state';
export { ConflictBanner } from './conflict-banner';
export { ProfileSections, SidebarSection } from './sections';
export { openRequest, saveTab, reloadTab, overwriteTab, startWorkspaceSync } from './file-actions';
export { newFolder, newRequest } from './tree-actions';
export { saveActiveTab, closeTabAsking } from './save-actions';
export { SaveButton, SaveRequestDialogHost } from './save-request-dialog';
