/** Entry point of the web dashboard: renders the app into index.html's #app. */
import { render } from 'preact';
import { App } from './app.js';
import { lazyPage } from './components/lazy.js';
import { linkToRoute } from './lib/router.js';
import './styles.css';

// Emailed links may name their page in the query (/dashboard/?page=reset-password&token=…):
// the address becomes the page's route before anything reads it, and the token leaves the query.
const route = linkToRoute(location.search);
if (route) history.replaceState(null, '', `${location.pathname}${route}`);

// A share link (#/shared/<token>) opens the shared report alone: not the app, which would ask who
// is signed in. Changing the address to anything else reloads into the app.
const SharedPage = lazyPage(() => import('./pages/shared.js').then((m) => m.SharedPage));
const shared = /^#\/shared\/([A-Za-z0-9_-]+)$/.exec(location.hash);
if (shared) {
  addEventListener('hashchange', () => location.reload());
  render(<SharedPage token={shared[1] as string} />, document.getElementById('app') as HTMLElement);
} else {
  render(<App />, document.getElementById('app') as HTMLElement);
}
