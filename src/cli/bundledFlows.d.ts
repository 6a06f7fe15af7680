// The virtual module compiled by viteFlowsPlugin.ts from scripts-flows/ at build time.
declare module 'virtual:sufler-bundled-flows' {
  // An ambient module cannot `import type` from a relative path, so the type is referenced inline.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const compiled: import('./viteFlowsPlugin').CompiledFlows;
  export default compiled;
}

// The URL of the same flows as a JSON file (viteFlowsPlugin.ts): what the operator's first load fetches.
declare module 'virtual:sufler-bundled-flows-url' {
  const url: string;
  export default url;
}
