/**
 * The /library/ page. Progress counts come from library-core.ts; the lists and every change run in a
 * worker (library-worker.ts) started only when there is a library to show or a change to make, so a first
 * visit with nothing stored loads none of it (later visits have it from the service worker's precache).
 * This file passes requests to the worker and stores, downloads or shows what comes back.
 */
import { sizeProblem, STORAGE_KEY } from '../lib/library-core';
import type { Answer, Ask } from './library-worker';
import { $$, act, say, snap } from './library-core';

const view = $$('[data-library]')[0]!;
const $ = (s: string) => view.querySelector<HTMLElement>(s)!;
const setAside = () => {
  try {
    return Object.keys(localStorage).filter((k) => k.startsWith(`${STORAGE_KEY}-`)).sort();
  } catch {
    return [];
  }
};
const download = (name: string, data: string) => {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([data], { type: 'application/json' }));
  a.download = name;
  a.click();
};

let worker: Worker | undefined;
/** Runs `op` in the worker, then draws, stores, downloads or shows (near `near`) what it returns. */
function ask(near: Element, op: Ask['op'], arg = '', name?: string) {
  worker ??= new Worker(new URL('./library-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }: MessageEvent<Answer>) => {
    if (data.lists) {
      for (const list of view.querySelectorAll<HTMLElement>('[data-list]')) {
        const box = list.closest<HTMLElement>('[data-box]');
        list.innerHTML = data.lists[list.dataset.list!] ?? '';
        if (box) box.hidden = !list.innerHTML;
      }
      $('[data-lib-empty]').hidden = !!view.querySelector('section[data-box]:not([hidden])');
    }
    if (data.file) download(...data.file);
    if (data.library) act(near, data.library as never, data.say);
    else if (data.say) say(near, data.say, data.error);
  };
  worker.postMessage({ op, snap, arg, name, aside: setAside(), base: view.dataset.base, pages: view.dataset.pages!.split(' '), now: Date.now() });
}

const render = () => {
  if (worker || setAside().length || Object.keys(snap.bookmarks).length || Object.keys(snap.notes).length || Object.keys(snap.progress).length) ask(view, 'render');
};

view.onclick = (e) => {
  const b = (e.target as Element).closest('button');
  const { op, arg = '' } = b?.dataset ?? {};
  if (op === 'download') download(`${arg}.json`, localStorage.getItem(arg)!);
  else if (op === 'discard') localStorage.removeItem(arg), ask(view, 'render');
  else if (op) ask(op === 'remove' ? $('#bookmarks') : op === 'forget' ? $('#progress') : b!, op as Ask['op'], op === 'restore' ? localStorage.getItem(arg)! : arg);
  if (op === 'remove') $('#bookmarks').focus();
  if (op === 'forget') $('#progress').focus();
};
const input = view.querySelector('input')!;
input.onchange = async () => {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  // Refused before it is read: a huge file would otherwise fail later as "storage is full".
  const big = sizeProblem(file.size);
  if (big) say(input.parentElement!, `Could not import ${file.name}: ${big}`);
  else ask(input.parentElement!, 'import', await file.text(), file.name);
};
addEventListener('fg-library', render);
render();
view.hidden = false;
