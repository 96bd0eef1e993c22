// The newsroom header's search box: a plain GET form to /newsroom/search (works without JavaScript).
import { formConstraints } from "@/lib/schemas/constraints";
import { NewsroomSearchSchema } from "@/lib/schemas/search";

const QUERY_MAX = formConstraints(NewsroomSearchSchema).q?.maxLength;

export function NewsroomSearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form role="search" method="get" action="/newsroom/search" className="nr-search" aria-label="Search everything">
      <label htmlFor="nr-search-q" className="visually-hidden">
        Search everything
      </label>
      <input id="nr-search-q" type="search" name="q" defaultValue={defaultValue} placeholder="Search claims, sources, quotes…" maxLength={QUERY_MAX} autoComplete="off" />
      <button type="submit" className="button button--quiet">
        Search
      </button>
    </form>
  );
}
