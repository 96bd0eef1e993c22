// Cache tags of the reader's data (lib/http/reader-cache.ts): Next's data cache, the Cache-Tag
// header for CDNs and the purge hook all use these names. No framework import: the custom server
// and proxy.ts read them too.
export const READER_TAG = "reader";
export const READER_LIST_TAG = "reader:list";
export const readerDossierTag = (slug: string) => `reader:dossier:${slug}`;
