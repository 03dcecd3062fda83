/**
 * Loaded by site.ts when a service worker already controls the page: when a new version of the guide has been
 * installed in the background (dist/sw.js, written by Workbox after the build), offers to reload into it.
 */
import promptCss from '../styles/update-prompt.css?inline';

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

/** Watches the registration site.ts made (undefined without one) for a waiting worker. */
export async function offerUpdates(registering: Promise<ServiceWorkerRegistration | undefined>) {
  const registration = await registering.catch(() => undefined);
  if (!registration) return; // Offline reading is a bonus: without a service worker the site works as before.
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
}
