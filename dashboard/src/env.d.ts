/** Stylesheets imported from code: Vite bundles them into CSS files. */
declare module '*.css';
