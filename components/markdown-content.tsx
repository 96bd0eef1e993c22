// Renders an already-sanitised hast tree as React elements (no dangerouslySetInnerHTML).
import type { Root } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";

export function HastContent({ tree }: { tree: Root }) {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs });
}
