/**
 * Where the commissioner pages and their data live: the same root-relative paths on a laptop and in Azure (host.json
 * sets no route prefix), all on this application, so the page needs no third-party host and works offline.
 */
export const dashboardPaths = {
  page: (product: string) => `/dashboard/${product}`,
  metrics: (product: string) => `/api/products/${product}/metrics/`,
  dqReport: (product: string) => `/reports/dq/${product}/latest`,
  asset: (name: string) => `/static/${name}`,
};
