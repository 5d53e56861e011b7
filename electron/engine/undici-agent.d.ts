// undici's Agent module on its own: the package index also loads fetch, WebSocket, the caches and
// the mocks, which a send never uses and which cost start-up time when bundled into the CLI.
declare module 'undici/lib/dispatcher/agent.js' {
  import type { Agent } from 'undici';
  const AgentClass: typeof Agent;
  export default AgentClass;
}
