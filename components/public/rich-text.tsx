import { Fragment } from "react";
import { parseMarkup, type Inline } from "@/lib/markup/restricted";

// Renders the coordinator's restricted markup as React elements. Text goes through React's
// escaping, so markup such as "<script>" or "onerror=" is shown, never run.

function isExternal(href: string) {
  return /^https?:\/\//i.test(href);
}

function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((node, i) => {
        if (node.type === "text") return <Fragment key={i}>{node.text}</Fragment>;
        if (node.type === "strong") {
          return (
            <strong key={i} className="font-semibold">
              <InlineNodes nodes={node.children} />
            </strong>
          );
        }
        return (
          <a key={i} href={node.href} rel={isExternal(node.href) ? "noreferrer" : undefined} className="public-link">
            {node.text}
          </a>
        );
      })}
    </>
  );
}

export function RichText({ source, className }: { source: string; className?: string }) {
  const blocks = parseMarkup(source);
  if (blocks.length === 0) return null;
  return (
    <div className={className}>
      {blocks.map((block, i) =>
        block.type === "paragraph" ? (
          <p key={i} className="mt-3 first:mt-0">
            <InlineNodes nodes={block.children} />
          </p>
        ) : (
          <ul key={i} className="mt-3 list-disc space-y-1 pl-6 first:mt-0">
            {block.items.map((item, j) => (
              <li key={j}>
                <InlineNodes nodes={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
