export * from './request';
export * from './send-options';
export * from './timeline-event';
export * from './response-record';
export * from './send-error';
export * from './workspace';
export * from './collection';
export * from './profiles';
