"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { useAction } from "@/components/forms/use-action";
import { inviteMembersAction } from "../actions";

type Props = { meetingId: string; invitationsSent: number; lastSentAt: string | null };

/**
 * "Send the invitation to all members": one e-mail per active member with the .ics attached.
 * The first sending goes at once; a resend asks for a confirmation in the page first (the
 * server refuses a resend that was not confirmed). Says how many e-mails were queued.
 */
export function InviteMembersButton({ meetingId, invitationsSent, lastSentAt }: Props) {
  const t = useTranslations("network.meeting");
  const [confirming, setConfirming] = useState(false);
  const [queued, setQueued] = useState<number | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const { run, pending, error } = useAction(inviteMembersAction, {
    onSuccess: (data) => {
      setConfirming(false);
      setQueued(data?.queued ?? 0);
    },
  });
  const send = (resend: boolean) => run({ id: meetingId, invitationsSent, resend });

  return (
    <div className="max-w-md space-y-2">
      <FormError message={error} />
      <div role="status" aria-live="polite">
        {queued !== null ? <p className="text-sm text-green-900" data-testid="invitations-queued">{t("invited", { count: queued })}</p> : null}
      </div>
      {confirming ? (
        <div className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">
          <p>{t("resendConfirm")}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button ref={confirmRef} type="button" disabled={pending} onClick={() => send(true)}
              className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
              {pending ? t("inviting") : t("resendYes")}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-400 bg-white px-3 py-1.5">{t("resendNo")}</button>
          </div>
        </div>
      ) : (
        <button type="button" disabled={pending}
          className="rounded-md border border-brand-700 bg-white px-4 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60"
          onClick={() => {
            if (invitationsSent === 0) return send(false);
            setQueued(null);
            setConfirming(true);
            setTimeout(() => confirmRef.current?.focus(), 0);
          }}>
          {pending ? t("inviting") : t("invite")}
        </button>
      )}
      <p className="text-sm text-slate-600">{t("inviteHint")}</p>
      {invitationsSent > 0 && lastSentAt ? <p className="text-sm text-slate-600" data-testid="invitations-sent-before">{t("invitedBefore", { date: lastSentAt, count: invitationsSent })}</p> : null}
    </div>
  );
}
