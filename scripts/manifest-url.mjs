// Rewrites the development URLs of manifest.xml (https://localhost:3000/…) to the production base URL.
// Shared by webpack.config.js and the manifest tests.
export const DEV_BASE = "https://localhost:3000/";

/** "https://example.org/zhku" → "https://example.org/zhku/"; rejects anything but an absolute https URL. */
export function normaliseBaseUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`Адрес публикации «${url}» не является URL (пример: https://example.org/zhku/)`);
  }
  if (u.protocol !== "https:")
    throw new Error(
      `Адрес публикации «${url}» должен начинаться с https:// — Office загружает надстройки только по HTTPS`,
    );
  if (u.search || u.hash) throw new Error(`Адрес публикации «${url}» не должен содержать ? или #`);
  return u.href.endsWith("/") ? u.href : `${u.href}/`;
}

/** The manifest with every https://localhost:3000/… URL moved under baseUrl and the AppDomain set to its origin. */
export function rewriteManifest(xml, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  const origin = new URL(base).origin;
  return xml.split(DEV_BASE).join(base).split(DEV_BASE.slice(0, -1)).join(origin);
}
