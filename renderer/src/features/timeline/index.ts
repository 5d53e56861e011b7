export { TimelinePanel } from './timeline-panel';
export { eventDisplay, type EventDisplay } from './event-display';
