// The isolate's sources are plain JavaScript files imported as text (Vite's `?raw`).
declare module '*.js?raw' {
  const source: string;
  export default source;
}
