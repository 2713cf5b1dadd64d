// The tiny markup the coordinator writes public texts in: blank-line paragraphs, "- " list
// items, **bold** and [text](link). It is parsed into a tree that components render as React
// elements, so user text is never handed to the browser as HTML: a "<script>" stays text.
// Shared by the editor (client) and the pages (server): no imports.

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "link"; href: string; text: string };

export type Block = { type: "paragraph"; children: Inline[] } | { type: "list"; items: Inline[][] };

// Only links a visitor can follow safely: web pages, phone numbers, e-mail and anchors or
// paths on this site. Anything else (javascript:, data:, …) is shown as plain text.
const SAFE_HREF = /^(https?:\/\/[^\s"'<>]+|tel:\+?[0-9 \-()]+|mailto:[^\s"'<>]+|#[\w-]+|\/(?!\/)[\w\-./#]*)$/i;

export function isSafeHref(href: string): boolean {
  return SAFE_HREF.test(href.trim());
}

const LIST_ITEM = /^\s*[-*]\s+/;

export function parseMarkup(source: string): Block[] {
  const blocks: Block[] = [];
  const chunks = source.replace(/\r\n?/g, "\n").split(/\n\s*\n/);
  for (const chunk of chunks) {
    const lines = chunk.split("\n").filter((line) => line.trim() !== "");
    if (lines.length === 0) continue;
    let paragraph: string[] = [];
    let list: string[] = [];
    const flushParagraph = () => {
      if (paragraph.length) blocks.push({ type: "paragraph", children: parseInline(paragraph.join(" ")) });
      paragraph = [];
    };
    const flushList = () => {
      if (list.length) blocks.push({ type: "list", items: list.map(parseInline) });
      list = [];
    };
    for (const line of lines) {
      if (LIST_ITEM.test(line)) {
        flushParagraph();
        list.push(line.replace(LIST_ITEM, "").trim());
      } else {
        flushList();
        paragraph.push(line.trim());
      }
    }
    flushParagraph();
    flushList();
  }
  return blocks;
}

const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) out.push({ type: "text", text: text.slice(last, index) });
    if (match[1] !== undefined) {
      out.push({ type: "strong", children: parseInline(match[1]) });
    } else {
      const label = match[2]!;
      const href = match[3]!;
      out.push(isSafeHref(href) ? { type: "link", href: href.trim(), text: label } : { type: "text", text: match[0] });
    }
    last = index + match[0].length;
  }
  if (last < text.length) out.push({ type: "text", text: text.slice(last) });
  return out;
}

/** Links in a text whose target is not allowed: the editor's schema refuses them with a message. */
export function unsafeLinks(source: string): string[] {
  return [...source.matchAll(/\[[^\]\n]+\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((href) => !isSafeHref(href));
}

/** `tel:` form of a phone number as people write it ("020-100 200" → "tel:020100200"). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, "");
  return `tel:${digits}`;
}
