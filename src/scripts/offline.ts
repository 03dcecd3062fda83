/**
 * Loaded by site.ts when a service worker already controls the page: registers it again (dist/sw.js, written by
 * Workbox after the build, so the browser looks for an update) and, when a new version of the
 * guide has been installed in the background, offers to reload into it.
 */
import promptCss from '../styles/update-prompt.css?inline';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

function offerUpdate(worker: ServiceWorker) {
  if (document.querySelector('.update-prompt')) return;
  const prompt = document.createElement('div');
  prompt.className = 'update-prompt';
  prompt.setAttribute('role', 'status');
  prompt.innerHTML = '<span>A new version of the guide is available.</span> <button type="button">Reload</button>';
  const style = document.createElement('style');
  style.textContent = promptCss;
  document.head.append(style);
  prompt.querySelector('button')!.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage({ type: 'SKIP_WAITING' });
  });
  document.body.append(prompt);
}

export async function registerOffline() {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  try {
    // Offline, register() cannot fetch the script to look for updates and rejects: keep the existing registration.
    const registration =
      (await navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => undefined)) ??
      (await navigator.serviceWorker.getRegistration(base));
    if (!registration) return;
    const check = () => {
      if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    };
    check();
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed') check();
      });
    });
  } catch {
    /* Offline reading is a bonus: without a service worker the site works as before. */
  }
}
