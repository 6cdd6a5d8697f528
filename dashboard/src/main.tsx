/** Entry point of the web dashboard: renders the app into index.html's #app. */
import { render } from 'preact';
import { App } from './app.js';
import './styles.css';

render(<App />, document.getElementById('app') as HTMLElement);
