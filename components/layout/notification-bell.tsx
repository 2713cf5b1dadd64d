import Link from "next/link";

/** The header's bell: a plain link to /notiser with the unread count (works without JavaScript). */
export function NotificationBell({ unread, label }: { unread: number; label: string }) {
  return (
    <Link
      href="/notiser"
      aria-label={label}
      data-testid="notification-bell"
      className="relative inline-flex items-center rounded-md px-2 py-1 text-slate-800 hover:bg-slate-100"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span aria-hidden="true" data-testid="notification-count" className="absolute -top-1 -right-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 font-semibold text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
