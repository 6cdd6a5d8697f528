/**
 * The API key, kept for this browser tab's session only (sessionStorage): entered once, gone when
 * the tab closes, never written to localStorage, a cookie or a URL.
 */
const STORAGE_KEY = 'citewatch.apiKey';

export function loadKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the key lives in memory until reload
  }
}

export function saveKey(key: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, key);
  } catch {
    // See loadKey.
  }
}

export function forgetKey(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // See loadKey.
  }
}

/**
 * The organization a signed-in person last chose (people in several organizations switch between
 * them). Not a secret: an id, kept across tabs; an id the person no longer belongs to is ignored.
 */
const ORGANIZATION_KEY = 'citewatch.organizationId';

export function loadOrganizationChoice(): string | null {
  try {
    return localStorage.getItem(ORGANIZATION_KEY);
  } catch {
    return null;
  }
}

export function saveOrganizationChoice(organizationId: string): void {
  try {
    localStorage.setItem(ORGANIZATION_KEY, organizationId);
  } catch {
    // Storage disabled: the choice lasts until reload.
  }
}
