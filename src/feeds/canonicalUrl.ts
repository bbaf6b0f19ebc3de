/**
 * Query parameters that only say how a reader arrived (campaign, click and
 * referral trackers): the same article with or without them is one article.
 */
const TRACKING_PARAMETER = /^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ref|ref_src|ref_url|referrer|src|source|cmp|cmpid|cmp_id|xtor|at_medium|at_campaign|at_source|at_content|at_format|at_link|at_send_date|at_ptr_name|ito|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|ocid|soc_src|soc_trk|sr_share|share|smid|wt_mc|wt_zmc|s_cid|spm|scm|outputtype|amp|_amp|amp_js_v|usqp|__twitter_impression)$/i;

/**
 * The one URL Scoop files an article under: scheme and host lower-cased,
 * default port, fragment and tracking parameters dropped, the remaining
 * parameters sorted, and the AMP forms of a page mapped to the page
 * (`/amp/` and trailing `/amp` path segments, `.amp.html`, `?amp=1`,
 * `outputType=amp`, Google's AMP cache `*.cdn.ampproject.org/c/s/HOST/PATH`).
 * A page's own `<link rel="canonical">` settles what these rules cannot.
 * Returns the input unchanged when it is not an http(s) URL.
 */
export function canonicalUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return href;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return href;
  const cache = /^\/[cvi]\/(?:s\/)?(.+)$/.exec(url.pathname);
  if (url.hostname.endsWith('.cdn.ampproject.org') && cache) {
    try {
      return canonicalUrl(`https://${cache[1]}${url.search}`);
    } catch {
      return href;
    }
  }
  url.hash = '';
  let path = url.pathname
    .replace(/\/amp(?=\/)/gi, '')
    .replace(/\/amp\/?$/i, '/')
    .replace(/\.amp(\.html?)$/i, '$1')
    .replace(/\.amp$/i, '');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  url.pathname = path === '' ? '/' : path;
  const kept = [...url.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  url.search = new URLSearchParams(kept).toString();
  return url.href;
}
