"use client";
// A button shown at a text selection (just below where it ends, or just above it near the bottom of the screen): "Make a claim" from the words
// selected in the article preview. A real button, placed right after the preview in the page's
// order, so the keyboard reaches it with Tab from the preview; pressing it does not lose the
// selection (the mouse press is not allowed to move it).

/** Where the selection is on screen, in viewport coordinates: its last line's left/right/bottom. */
export interface SelectionBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const GAP = 6;
const MARGIN = 8;
/** Wide and tall enough for the label on one line; the position is clamped with it to stay on screen. */
const WIDTH_GUESS = 240;
const HEIGHT_GUESS = 36;

export function SelectionControl({ box, label, onActivate }: { box: SelectionBox; label: string; onActivate: () => void }) {
  const width = typeof window === "undefined" ? 1024 : window.innerWidth;
  const height = typeof window === "undefined" ? 768 : window.innerHeight;
  // Off screen (scrolled away): nothing to point at.
  if (box.bottom < 0 || box.top > height) return null;
  const left = Math.max(MARGIN, Math.min(box.left, width - WIDTH_GUESS - MARGIN));
  // Below the selection when there is room, else above it: never over the words.
  const top = box.bottom + GAP + HEIGHT_GUESS <= height ? box.bottom + GAP : Math.max(MARGIN, box.top - GAP - HEIGHT_GUESS);
  return (
    <div className="selection-control" data-selection-control="" style={{ left, top }}>
      <button
        type="button"
        className="button button--primary button--small"
        // Keep the selection: a press on the button would otherwise collapse it first.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onActivate}
      >
        {label}
      </button>
    </div>
  );
}
