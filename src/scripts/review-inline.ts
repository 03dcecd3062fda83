/**
 * Grading a check-yourself question where it is asked: when a reader opens a question on an entry page,
 * library-start.ts loads this module, which adds Again / Hard / Good / Easy under the answer, each showing
 * when the card comes back. A grade puts the card in the flashcards' review queue (src/lib/review.ts).
 */
import { grade, preview } from '../lib/review';
import { isObj } from '../lib/library-core';
import { GRADES, untilText, type Sched } from '../lib/review-core';
import { act, snap } from './library-core';

export function offer(question: HTMLDetailsElement, page: string) {
  const answer = question.querySelector('.question-answer');
  if (!answer || answer.querySelector('.fc-inline')) return;
  const key = `${page}#${question.id}`;
  const sched = () => {
    const s = snap.reviews?.[key];
    return isObj(s) && typeof s.due === 'number' ? (s as unknown as Sched) : undefined;
  };
  const box = document.createElement('div');
  box.className = 'fc-inline';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', `How well did you know it? ${question.querySelector('summary')!.textContent!.trim()}`);
  const label = () => {
    const now = Date.now();
    const p = preview(sched(), now);
    box.innerHTML = `<span class="fc-ask">How well did you know it?</span> ${GRADES.map((g, i) => `<button type="button" class="lib-btn" data-grade="${i + 1}">${g} <span>${untilText(p[(i + 1) as 1].due, now)}</span></button>`).join(' ')}`;
  };
  label();
  box.onclick = (e) => {
    const b = (e.target as Element).closest<HTMLElement>('[data-grade]');
    if (!b) return;
    const now = Date.now();
    const r = grade(key, sched(), Number(b.dataset.grade) as 1, now);
    const saved = act(box, { ...snap, reviews: { ...snap.reviews, [key]: r.sched }, log: [...(snap.log ?? []), r.log] }, `Saved in your flashcards: back in ${untilText(r.sched.due, now)}.`);
    if (saved) {
      label();
      box.querySelector<HTMLElement>(`[data-grade="${b.dataset.grade}"]`)!.focus();
    }
  };
  answer.append(box);
}
