/**
 * The management pages of a workspace (brands, the prompt library, model configurations, audits),
 * the organization's workspaces page and the runs page's controls. Each is its own module, loaded
 * the first time it is shown, with the form kit it uses: the reports' first page stays small.
 */
import { lazyPage } from '../../components/lazy.js';
import { MANAGE_PAGES, type ManagePage, type PageName, type Route } from '../../lib/router.js';

export const MANAGE_TITLES: Record<ManagePage, string> = {
  brands: 'Brands and competitors',
  library: 'Prompt library',
  configurations: 'Model configurations',
  audits: 'Audits and schedules',
  alerts: 'Alerts and digests',
};

export const MANAGE_LABELS: Record<ManagePage, string> = {
  brands: 'Brands',
  library: 'Prompt library',
  configurations: 'Configurations',
  audits: 'Audits',
  alerts: 'Alerts',
};

export function isManagePage(page: PageName): page is ManagePage {
  return (MANAGE_PAGES as readonly string[]).includes(page);
}

const BrandsPage = lazyPage(() => import('./brands.js').then((m) => m.BrandsPage));
const LibraryPage = lazyPage(() => import('./library.js').then((m) => m.LibraryPage));
const ConfigurationsPage = lazyPage(() => import('./configurations.js').then((m) => m.ConfigurationsPage));
const AuditsPage = lazyPage(() => import('./audits.js').then((m) => m.AuditsPage));
const AlertsPage = lazyPage(() => import('./alerts.js').then((m) => m.AlertsPage));
export const WorkspacesPage = lazyPage(() => import('./workspaces.js').then((m) => m.WorkspacesPage));
export const RunControls = lazyPage(() => import('./run-controls.js').then((m) => m.RunControls));

export function ManagePageView({ page, route }: { page: ManagePage; route: Route }) {
  switch (page) {
    case 'brands':
      return <BrandsPage route={route} />;
    case 'library':
      return <LibraryPage route={route} />;
    case 'configurations':
      return <ConfigurationsPage route={route} />;
    case 'audits':
      return <AuditsPage route={route} />;
    case 'alerts':
      return <AlertsPage route={route} />;
  }
}
