/** The sources type-check: `astro check` (TypeScript in .ts, .astro and the config) reports no error. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildEnv } from '../helpers/build-fixture';

describe('types', () => {
  it('astro check finds no error in src/, tests/, scripts/ and the config', () => {
    const run = spawnSync('npx', ['astro', 'check'], { env: buildEnv({ FORCE_COLOR: '0', NO_COLOR: '1' }), encoding: 'utf8', timeout: 300_000 });
    const output = `${run.stdout}\n${run.stderr}`;
    const errors = output.split('\n').filter((l) => / - error /.test(l));
    expect(errors).toEqual([]);
    expect(output).toMatch(/- 0 errors/);
    expect(run.status).toBe(0);
  });
});
