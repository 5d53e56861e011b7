export { Button, type ButtonProps } from './button';
export { Tabs, type TabItem } from './tabs';
export { KeyValueTable, type KvRow } from './key-value-table';
export { StatusBadge, StatusDot, statusTone, type StatusTone } from './status-badge';
export { CodeEditor, type CodeHighlight } from './code-editor';
export { Dialog, DialogHost, promptText, confirmAction, chooseAction, type Choice } from './dialog';
export { lazyView, ViewLoading } from './lazy-view';
export { resolvedTheme, useResolvedTheme } from './theme';
export { ViewTab, type ViewTabProps } from './view-tab';
