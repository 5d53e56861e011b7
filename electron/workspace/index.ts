// Collections on disk: YAML codec, atomic writes, loader, file operations, collection import/export,
// watcher and history. Everything here runs under plain Node (app, CLI and serve alike).
export { loadWorkspace, readWorkspaceFile } from './loader';
export { initWorkspace, newWorkspaceId } from './init';
export { readRequest, saveRequest, createRequest, createFolder, renameEntry, moveEntry, deleteEntry, type ReadRequestResult } from './requests';
export { readFolder, saveFolder, type ReadFolderResult } from './folders';
export { writeCollection, readCollection } from './collection-io';
export { writeFileAtomic, cleanTempFiles, isTempFile } from './atomic-write';
export { encode, decode, toYaml } from './codec';
export { confine } from './paths';
export { versionOf } from './read-file';
export { watchWorkspace } from './watcher';
export { WorkspaceSession, type ChangeBatch } from './session';
export { HistoryStore, appHome, type SendOutcome } from './history';
export { loadRequestContext, findEnvironment, type RequestContext } from './context';
