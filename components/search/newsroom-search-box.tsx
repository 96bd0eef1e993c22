// The newsroom header's search box: a plain GET form to /newsroom/search (works without JavaScript).
export function NewsroomSearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form role="search" method="get" action="/newsroom/search" className="nr-search" aria-label="Search everything">
      <label htmlFor="nr-search-q" className="visually-hidden">
        Search everything
      </label>
      <input id="nr-search-q" type="search" name="q" defaultValue={defaultValue} placeholder="Search claims, sources, quotes…" maxLength={200} autoComplete="off" />
      <button type="submit" className="button button--quiet">
        Search
      </button>
    </form>
  );
}
