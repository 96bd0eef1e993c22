// The reader's "page not found", as a page of its own: Next renders a page's notFound() into an
// empty shell that only JavaScript fills (vercel/next.js#62228), and reader pages are sent without
// JavaScript, so the server answers every reader 404 with this page's HTML and status 404
// (lib/http/reader-html.ts). The static edition writes it as its 404 page.
import type { Metadata } from "next";
import { isLocale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import NotFound from "../not-found";

export const revalidate = false;

export async function generateMetadata({ params }: PageProps<"/[locale]/page-not-found">): Promise<Metadata> {
  const { locale } = await params;
  return { title: messages(isLocale(locale) ? locale : "en").notFound.title, robots: { index: false } };
}

export default NotFound;
