// Jest loads global setup outside its ESM transform, so the TypeScript is loaded through tsx.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startEngines } = await tsImport('./engines.ts', import.meta.url);
  globalThis.stopEngines = await startEngines();
}
