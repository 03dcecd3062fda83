/**
 * Runs inline in <head> before first paint, so the page never flashes the wrong theme. The only inline script
 * on the site; the Content-Security-Policy allows it by its hash (src/lib/csp.ts).
 */
export const THEME_BOOTSTRAP =
  "document.documentElement.dataset.theme=(()=>{try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')return t}catch{}return matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'})()";
