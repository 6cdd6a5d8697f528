/**
 * Pages most visits never open (the account, members and audit-log pages, and the pages an email
 * links to) are loaded when first shown, so the first page stays small. The module is fetched
 * once; a failure (a new version deployed meanwhile, the network) is shown with what to do.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from './status.js';

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LazyPage(props: P) {
    const [page, setPage] = useState<{ component: ComponentType<P> | null; failed: boolean }>({
      component: loaded,
      failed: false,
    });
    useEffect(() => {
      if (page.component) return;
      let live = true;
      loading ??= load().then((component) => {
        loaded = component;
        return component;
      });
      loading.then(
        (component) => live && setPage({ component, failed: false }),
        () => {
          loading = null;
          if (live) setPage({ component: null, failed: true });
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (page.failed) {
      return (
        <p class="error" role="alert">
          This page could not be loaded. Reload the browser page to try again.
        </p>
      );
    }
    const Component = page.component;
    return Component ? <Component {...props} /> : <Loading what="the page" />;
  };
}
