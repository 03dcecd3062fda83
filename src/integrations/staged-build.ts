import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { processAlive } from '../lib/process-alive';

/**
 * A build writes into a staging folder next to the output folder (`dist.staging-<pid>/`), and only its last
 * `astro:build:done` step, after every other integration's (link check, search index, service worker, …),
 * renames it into place. A build that fails anywhere (source checks, render, a post-build step) never reaches
 * that step: the staging folder is removed on exit and the output folder is left exactly as it was, which the
 * build's last line says. `begin` must be the first integration in the config (so even a failure in another
 * integration's setup is reported) and `end` the last. Only `astro build` is staged; `astro dev` and
 * `astro preview` read and write nothing here.
 */
export function stagedBuild(): { begin: AstroIntegration; end: AstroIntegration } {
  let target = '';
  let staging = '';
  let done = false;
  const cleanUp = () => {
    if (staging && !done) rmSync(staging, { recursive: true, force: true });
  };
  return {
    begin: {
      name: 'field-guide:staged-build',
      hooks: {
        'astro:config:setup': ({ command, config, updateConfig }) => {
          if (command !== 'build') return;
          target = fileURLToPath(config.outDir).replace(/\/$/, '');
          const parent = dirname(target);
          const name = basename(target);
          // Folders left by builds that were killed (their process is gone): nothing else removes them.
          if (existsSync(parent)) {
            for (const f of readdirSync(parent)) {
              const m = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(staging|old)-(\\d+)$`).exec(f);
              if (m && !processAlive(Number(m[2]))) rmSync(join(parent, f), { recursive: true, force: true });
            }
          }
          staging = join(parent, `${name}.staging-${process.pid}`);
          updateConfig({ outDir: pathToFileURL(`${staging}/`) });
          process.once('exit', (code) => {
            cleanUp();
            if (!done) {
              const kept = existsSync(target) ? 'it still holds the previous build' : 'there was no previous build';
              process.stderr.write(`\nBuild failed${code ? ` (exit code ${code})` : ''}: ${target} was left unchanged (${kept}).\n`);
            }
          });
          for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
        },
      },
    },
    end: {
      name: 'field-guide:staged-build-swap',
      hooks: {
        'astro:build:done': ({ dir, logger }) => {
          if (fileURLToPath(dir).replace(/\/$/, '') !== staging) throw new Error(`staged-build: built into ${fileURLToPath(dir)}, not the staging folder ${staging}`);
          // Two renames within one folder: the old output is moved aside, never half-overwritten.
          const old = `${target}.old-${process.pid}`;
          if (existsSync(target)) renameSync(target, old);
          renameSync(staging, target);
          done = true;
          rmSync(old, { recursive: true, force: true });
          logger.info(`every step passed: ${target} replaced by this build`);
        },
      },
    },
  };
}
