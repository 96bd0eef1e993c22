import Link from "next/link";

export default function NewsroomNotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>This dossier or record does not exist, or it was deleted. An archived dossier is out of every newsroom page until an admin restores it (Archived dossiers).</p>
      <p>
        <Link href="/newsroom">Back to the dossiers</Link>
      </p>
    </>
  );
}
