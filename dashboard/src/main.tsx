/** Entry point of the web dashboard: renders the app into index.html's #app. */
import { render } from 'preact';
import { App } from './app.js';
import { linkToRoute } from './lib/router.js';
import './styles.css';

// Emailed links may name their page in the query (/dashboard/?page=reset-password&token=…):
// the address becomes the page's route before anything reads it, and the token leaves the query.
const route = linkToRoute(location.search);
if (route) history.replaceState(null, '', `${location.pathname}${route}`);

render(<App />, document.getElementById('app') as HTMLElement);
