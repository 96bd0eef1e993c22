// A cache handler that keeps nothing (PAGE_CACHE=none): every request renders from the database.
// For the private server `npm run static` starts: it shares .next with a running server, whose
// cached pages only that server knows to be current (without Redis, revalidation is per process).
export default class NoCacheHandler {
  async get() {
    return null;
  }
  async set() {}
  async revalidateTag() {}
  resetRequestCache() {}
}
