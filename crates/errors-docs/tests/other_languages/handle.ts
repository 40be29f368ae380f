// A client's hand-written code against the types json-schema-to-typescript generates
// from the strict schema of the bundled catalog (`./catalog`): `tsc --strict` must
// narrow each case's details to that code's type.
import type { ApiErrorErrorResponse } from "./catalog";

/** One line about `error`, from the details of its code. */
export function describe(error: ApiErrorErrorResponse): string {
  switch (error.errorCode) {
    case "RATE_LIMITED": {
      const wait: number = error.details.retryAfter;
      // @ts-expect-error the generated type says a number: a string must not compile.
      const wrong: string = error.details.retryAfter;
      void wrong;
      return `RATE_LIMITED: retry in ${wait} s (${error.details.category})`;
    }
    case "INVALID_REQUEST": {
      const paths: string[] = error.details.fields.map((f) => f.path);
      return `INVALID_REQUEST: ${paths.join(", ")}`;
    }
    case "SESSION_FULL": {
      const capacity: number = error.details.capacity;
      const waitlist: boolean = error.details.waitlistAvailable;
      return `SESSION_FULL: ${error.details.sessionId} (${capacity}, waitlist ${waitlist})`;
    }
    default: {
      // Any other code, including one this build does not know yet: a later server
      // may send it, and its code and message are still there.
      const code: string = error.errorCode;
      return `${code}: ${error.message}`;
    }
  }
}
