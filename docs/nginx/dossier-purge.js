// nginx's receiver for Dossier's purge hook (PURGE_URL; docs/deployment.md): Dossier POSTs, after
// every change readers can see, {"urls": [...], "tags": [...]}; each URL's cached copy is fetched
// again from Dossier through /.dossier/refresh/, which bypasses the cache and stores the answer in
// its place. njs (Debian: libnginx-mod-http-js). Answers {"refreshed": n, "failed": [...]}.
async function purge(r) {
  if (r.method !== "POST") {
    r.return(405, "POST a JSON body: {\"urls\": [...]}\n");
    return;
  }
  let body;
  try {
    body = JSON.parse(r.requestText || "");
  } catch (e) {
    r.return(400, "The body must be JSON: {\"urls\": [...]}\n");
    return;
  }
  const urls = Array.isArray(body.urls) ? body.urls : [];
  let refreshed = 0;
  const failed = [];
  // (njs 0.7, Debian 12's: no for…of)
  for (let i = 0; i < urls.length; i++) {
    const url = urls[i];
    const m = /^https?:\/\/[^\/?#]+(\/[^?#]*)(?:\?([^#]*))?/.exec(String(url));
    if (!m) {
      failed.push(String(url));
      continue;
    }
    const reply = await r.subrequest("/.dossier/refresh" + m[1], { args: m[2] || "", method: "GET" });
    if (reply.status >= 500) failed.push(String(url));
    else refreshed++;
  }
  r.headersOut["Content-Type"] = "application/json";
  r.return(failed.length ? 502 : 200, JSON.stringify({ refreshed: refreshed, failed: failed }) + "\n");
}

export default { purge };
