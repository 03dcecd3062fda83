/** Served by src/integrations/content-sources.ts: what the source checks found in content/. */
declare module 'virtual:field-guide/sources' {
  /** Problems in the sources (empty in a build, which stops before rendering when there are any). */
  export const problems: import('./lib/source-checks').SourceProblem[];
  /** The output each verified block claims now, for the verification marks. */
  export const claims: import('./lib/fence').Claims;
}
