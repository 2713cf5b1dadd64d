"use server";

import { serverAction } from "@/lib/server/action";
import {
  addNetworkMemberSchema, cancelMeetingSchema, inviteMembersSchema, planMeetingSchema, recordMeetingSchema, removeNetworkMemberSchema, updateMeetingSchema,
} from "@/lib/schemas/network";
import { addNetworkMember } from "@/lib/server/network/add-member";
import { removeNetworkMember } from "@/lib/server/network/remove-member";
import { planMeeting, updateMeetingPlan } from "@/lib/server/network/plan-meeting";
import { recordMeeting } from "@/lib/server/network/record-meeting";
import { cancelMeeting } from "@/lib/server/network/cancel-meeting";
import { inviteMembersByEmail } from "@/lib/server/network/invite-members-by-email";

const NETWORK = { path: "/natverk", type: "layout" as const };

export const addNetworkMemberAction = serverAction(
  { schema: addNetworkMemberSchema, permission: ["networkMeeting", "create"], revalidate: ["/natverk"] },
  (viewer, input) => addNetworkMember(viewer, input),
);

export const removeNetworkMemberAction = serverAction(
  { schema: removeNetworkMemberSchema, permission: ["networkMeeting", "delete"], revalidate: ["/natverk"] },
  (viewer, input) => removeNetworkMember(viewer, input),
);

export const planMeetingAction = serverAction(
  { schema: planMeetingSchema, permission: ["networkMeeting", "create"], revalidate: ["/natverk"] },
  (viewer, input) => planMeeting(viewer, input),
);

export const updateMeetingAction = serverAction(
  { schema: updateMeetingSchema, permission: ["networkMeeting", "update"], revalidate: [NETWORK] },
  (viewer, input) => updateMeetingPlan(viewer, input),
);

export const recordMeetingAction = serverAction(
  { schema: recordMeetingSchema, permission: ["networkMeeting", "update"], revalidate: [NETWORK] },
  (viewer, input) => recordMeeting(viewer, input),
);

export const cancelMeetingAction = serverAction(
  { schema: cancelMeetingSchema, permission: ["networkMeeting", "update"], revalidate: [NETWORK] },
  (viewer, input) => cancelMeeting(viewer, input),
);

export const inviteMembersAction = serverAction(
  { schema: inviteMembersSchema, permission: ["networkMeeting", "update"], revalidate: [NETWORK] },
  (viewer, input) => inviteMembersByEmail(viewer, input),
);
