import './settings.css';

export { SettingsHost } from './settings-host';
export { chooseTheme, openSettings, useSettingsStore } from './settings.store';
export { useThemeStore, type ThemePref } from './theme.store';
