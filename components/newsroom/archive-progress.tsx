"use client";
// While a capture runs in the background, the source page shows its stage and how much has
// arrived, polling the source's archive route; when it ends, the page refreshes to show the new
// capture or the reason it failed. Announced to screen readers through a live region.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { sizeInWords } from "@/lib/domain/archive";

interface Job {
  id: string;
  status: string;
  stageLabel: string;
  bytesReceived: number;
}

export function ArchiveProgress({ dossierId, sourceId, initial }: { dossierId: string; sourceId: string; initial: Job }) {
  const router = useRouter();
  const [job, setJob] = useState<Job>(initial);
  const [lost, setLost] = useState(false);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const response = await fetch(`/api/newsroom/dossiers/${dossierId}/sources/${sourceId}/archive`, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const { data } = (await response.json()) as { data: { jobs: Job[] } };
        const current = data.jobs.find((j) => j.id === initial.id);
        if (stopped) return;
        setLost(false);
        if (!current || current.status === "succeeded" || current.status === "failed") {
          router.refresh();
          return;
        }
        setJob(current);
      } catch {
        if (!stopped) setLost(true);
      }
      if (!stopped) timer = setTimeout(tick, 1000);
    };
    let timer = setTimeout(tick, 800);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [dossierId, sourceId, initial.id, router]);
  return (
    <div className="alert alert--info archive-progress" role="status" aria-live="polite">
      <p>
        <strong>Capture in progress:</strong> {job.status === "queued" ? "waiting to start" : job.stageLabel.toLowerCase()}
        {job.bytesReceived > 0 ? ` (${sizeInWords(job.bytesReceived)} received)` : ""}…
      </p>
      <progress aria-label="Capture in progress" />
      {lost ? <p className="meta">Lost contact with the server: still trying.</p> : null}
      <p className="meta">You can leave this page: the capture goes on in the background.</p>
    </div>
  );
}
