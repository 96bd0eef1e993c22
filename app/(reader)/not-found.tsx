import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>This page does not exist, or it is not published.</p>
      <p>
        <Link href="/">See the published dossiers</Link>
      </p>
    </>
  );
}
