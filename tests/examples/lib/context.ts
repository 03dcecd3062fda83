/** What global setup hands to the tests (via project.provide / inject). */
export interface ExamplesContext {
  /** Repository root (absolute). */
  root: string;
  /** Selected pages, relative to root. */
  files: string[];
  /** This run's temp dir: per-block work dirs, results/, engine logs. */
  runDir: string;
  /** Environment for every example process (PATH with the venv and Kafka wrappers first, AWS_*, …). */
  env: Record<string, string>;
  /** `localhost:9092` → `127.0.0.1:<port>` etc. for the engines that were started. */
  addresses: Record<string, string>;
  /** Version strings for "Verified with …". */
  versions: {
    python: string;
    bash: string;
    kafka?: string;
    /** the JVM running Kafka */
    java?: string;
    moto?: string;
    /** apache-airflow in the Airflow venv, when a selected block has requires=airflow */
    airflow?: string;
    /** distribution → version, for every package in the venv */
    packages: Record<string, string>;
    /** importable top-level module → distributions */
    modules: Record<string, string[]>;
  };
  /** The moto servers' URLs (one per concurrent unit; empty when no page needs AWS). A page takes one and resets it first. */
  motoUrls: string[];
  /** Kafka config names by kind, when the Kafka jars were needed. */
  configNames?: Record<string, string[]>;
  /** The Airflow venv (requires=airflow): its dir and the migrated template metadata database. */
  airflow?: { dir: string; bin: string; templateDb: string };
  /** Max number of units running at once. */
  concurrency: number;
}

/** One block's result, written by the tests to <runDir>/results/ and read by the global teardown. */
export interface BlockResult {
  file: string;
  line: number;
  lang: string;
  hash: string;
  /** outputHash of the block's claimed output when it was run (absent when it claims none). */
  output?: string;
  kind: 'run' | 'check';
  passed: boolean;
  verifiedWith: string[];
  /** Failure message with stdout/stderr (only when !passed). */
  message?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    examples: ExamplesContext;
  }
}
