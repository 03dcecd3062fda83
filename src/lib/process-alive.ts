/**
 * Is a process with this id running? Used to take over what a killed process left behind: a lock whose owner is
 * gone (the example engines), a build's staging folder (src/integrations/staged-build.ts).
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
