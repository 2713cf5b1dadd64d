"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type Item = { href: string; label: string };

export function SideNav({ label, items }: { label: string; items: Item[] }) {
  const pathname = usePathname();
  // The most specific matching link is the current one (/lagesbild vs /lagesbild/rapporter).
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className="px-3 pb-3 md:pb-4">
      {/* On a phone the menu is one scrollable row, so the page's content starts on screen. */}
      <ul className="flex gap-1 overflow-x-auto md:block md:space-y-0.5">
        {items.map((item) => (
          <li key={item.href} className="shrink-0">
            <Link
              href={item.href}
              aria-current={item.href === current ? "page" : undefined}
              className="block rounded-md px-3 py-2 text-sm whitespace-nowrap text-brand-50 hover:bg-brand-700 aria-[current=page]:bg-white aria-[current=page]:font-semibold aria-[current=page]:text-brand-900"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
