/**
 * The 404 page only: searches the guide for the words of the URL that was not found (`/kafka/high-watermak/`
 * → "kafka high watermak", each word cut to six letters so a misspelling still matches) and lists the results under
 * the search box. site.ts loads this module when the page has that box, so no other page does; Pagefind loads with
 * the first query, as on /search/.
 */
import { forgivingQuery, queryFromPath } from '../lib/paths';
import { defineSearchBox } from './search';

const box = document.querySelector<HTMLElement>('search-box[data-not-found]');
const input = box?.querySelector<HTMLInputElement>('input[type="search"]');
const query = forgivingQuery(queryFromPath(location.pathname, import.meta.env.BASE_URL));
if (box && input) {
  if (query && !input.value) input.value = query;
  defineSearchBox();
  if (input.value) input.dispatchEvent(new Event('input'));
}
