import './settings.css';

export { SettingsHost } from './settings-dialog';
export { chooseTheme, openSettings, useSettingsStore } from './settings.store';
export { useThemeStore, type ThemePref } from './theme.store';
