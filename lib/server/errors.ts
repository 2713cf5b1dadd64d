import "server-only";

/** The viewer's role may not take this action on this resource (see `authorize`). */
export class AccessDeniedError extends Error {
  constructor(readonly resource: string, readonly action: string) {
    super(`Åtkomst nekad: ${action} på ${resource}`);
    this.name = "AccessDeniedError";
  }
}

/** The record changed since the caller read it (optimistic concurrency). */
export class StaleEditError extends Error {
  constructor(readonly entityType: string) {
    super(`Stale edit of ${entityType}`);
    this.name = "StaleEditError";
  }
}

/** The record does not exist – or is outside the viewer's scope, which must look the same. */
export class NotFoundError extends Error {
  constructor(readonly entityType: string) {
    super(`${entityType} not found`);
    this.name = "NotFoundError";
  }
}

/** Input that passed the schema but breaks a domain rule; `field` points the form at it. */
export class DomainRuleError extends Error {
  constructor(readonly messageKey: string, readonly field?: string) {
    super(messageKey);
    this.name = "DomainRuleError";
  }
}
