import './palette.css';

export { CommandPalette } from './palette-host';
export { usePaletteStore } from './palette.store';
export { runAppAction, unavailable } from './actions';
export { actionForKey, shortcutLabel } from './keys';
