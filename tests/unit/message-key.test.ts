import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { MESSAGES } from "@/lib/i18n/messages";
import { messageText } from "@/lib/i18n/message-key";
import { signInSchema } from "@/lib/schemas/sign-in";
import { createUserSchema } from "@/lib/schemas/user";
import { draftSchema } from "@/lib/schemas/public-content";

const t = createTranslator({ locale: "sv", messages: MESSAGES.sv });

describe("messageText, the one translator of schema and domain messages", () => {
  it("reads bare keys under validation and dotted keys as they stand", () => {
    expect(messageText(t, "required")).toBe(MESSAGES.sv.validation.required);
    expect(messageText(t, "users.errors.emailInvalid")).toBe(MESSAGES.sv.users.errors.emailInvalid);
  });

  it("never shows a key or zod's English: an unknown message reads 'invalid'", () => {
    expect(messageText(t, "noSuchKey")).toBe(MESSAGES.sv.validation.invalid);
    expect(messageText(t, "Too big: expected string to have <=254 characters")).toBe(MESSAGES.sv.validation.invalid);
  });

  it("finds a Swedish text for what the forms' schemas say about bad input", () => {
    const issues = [
      ...signInSchema.safeParse({ email: "", password: "" }).error!.issues,
      ...signInSchema.safeParse({ email: "inte-en-adress", password: "x".repeat(201) }).error!.issues,
      ...createUserSchema.safeParse({ name: "", email: "x", role: "KING", divisionIds: ["nope"] }).error!.issues,
      ...draftSchema.safeParse({ locale: "sv", draftId: "", expectedVersion: 0, title: "", intro: "", sections: [], contacts: [], guide: [] }).error!.issues,
    ];
    const unknown = issues.map((i) => i.message).filter((key) => messageText(t, key) === MESSAGES.sv.validation.invalid && key !== "invalid");
    expect(unknown).toEqual([]);
  });
});
