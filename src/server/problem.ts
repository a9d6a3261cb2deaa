import { STATUS_CODES } from "node:http";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import {
  AmbiguousCompanyError,
  AppendRejectedError,
  ConcurrencyError,
  formatLogIssue,
  LockTimeoutError,
  LogError,
  RequestError,
  StoreUnavailableError,
  StreamNeedsRepairError,
  UnknownCompanyError,
  UnknownEventError,
  UnknownProgramError,
  UnknownStreamError,
} from "../app/errors.js";

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_TYPE = "application/problem+json";

/** One wrong field of a request: which, and what is wrong with it. */
export interface FieldProblem {
  field: string;
  detail: string;
}

/** An RFC 9457 problem details object, as the server sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request field at fault (a query parameter, a header, a field of the body). */
  field?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** An error the server answers with a problem of its own status. */
export class ProblemError extends Error {
  override readonly name = "ProblemError";

  constructor(
    readonly status: number,
    readonly kind: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

/**
 * The problem details an error is answered with: the request's own faults are 4xx with the CLI's
 * message, a log that fails verification is 500 with its problems (the server's data, not the
 * client's fault), anything else a plain 500 that names no internals (never a stack trace).
 *
 * @example
 * problemOf(new UnknownCompanyError("acme", [])).status; // 404
 */
export function problemOf(error: unknown, query?: unknown): Problem {
  if (error instanceof ProblemError) {
    return problem(error.status, error.kind, error.message, error.extra);
  }
  if (hasZodFastifySchemaValidationErrors(error)) return validationProblem(error, query);
  if (error instanceof RequestError) return problem(400, "bad-request", error.message);
  if (error instanceof UnknownCompanyError) {
    return problem(404, "unknown-company", error.message, { company: error.company });
  }
  if (error instanceof AmbiguousCompanyError) {
    return problem(404, "ambiguous-company", error.message, { candidates: error.candidates });
  }
  if (error instanceof UnknownProgramError) {
    return problem(404, "unknown-program", error.message, { program: error.program });
  }
  if (error instanceof UnknownStreamError) {
    return problem(404, "unknown-stream", error.message, { stream: error.stream });
  }
  if (error instanceof UnknownEventError) {
    return problem(404, "unknown-event", error.message, { id: error.eventId });
  }
  if (error instanceof ConcurrencyError) {
    return problem(412, "concurrency-conflict", error.message, {
      stream: error.stream,
      expectedSeq: error.expectedSeq,
      seq: error.actualSeq,
    });
  }
  if (error instanceof AppendRejectedError) {
    return problem(422, "event-rejected", error.message, {
      ...(error.field === undefined ? {} : { field: error.field }),
    });
  }
  if (error instanceof LockTimeoutError) return problem(503, "busy", error.message);
  if (error instanceof StoreUnavailableError) {
    return problem(503, "store-unavailable", error.message);
  }
  if (error instanceof LogError) {
    return problem(500, "log-fails-verification", `${error.subject}: ${error.message}`, {
      problems: error.issues.map(formatLogIssue),
    });
  }
  if (error instanceof StreamNeedsRepairError) {
    return problem(500, "log-fails-verification", error.message, {
      problems: error.issues.map(formatLogIssue),
    });
  }
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    // Fastify's own: a body too large (413), of an unsupported type (415), not JSON (400)...
    return problem(status, "about:blank", (error as Error).message);
  }
  return problem(500, "internal-error", "internal error (a bug in designations, please report it)");
}

function problem(
  status: number,
  kind: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: kind === "about:blank" ? kind : `urn:designations:problem:${kind}`,
    title: STATUS_CODES[status] ?? "Error",
    status,
    detail,
    ...extra,
  };
}

interface ValidationIssue {
  instancePath: string;
  message: string;
  keyword: string;
  params: { keys?: string[] };
}

/** A request that its schema refuses: 400 for the query, path and headers; 422 for a body. */
function validationProblem(
  error: { validation: unknown; validationContext?: string },
  query: unknown,
): Problem {
  const issues = error.validation as ValidationIssue[];
  const context = error.validationContext ?? "querystring";
  const errors = issues.flatMap((issue): FieldProblem[] => {
    const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
    if (issue.keyword === "unrecognized_keys" && issue.params.keys !== undefined) {
      return issue.params.keys.map((key) => ({
        field: path === "" ? key : `${path}.${key}`,
        detail: `${path === "" ? key : `${path}.${key}`}: ${unknownWhat(context)}`,
      }));
    }
    const field = path === "" ? context : path;
    // As the CLI says of a repeated flag: which one was meant is the user's to say.
    if (context === "querystring" && Array.isArray((query as Record<string, unknown>)?.[field])) {
      return [{ field, detail: `${field} is given more than once` }];
    }
    return [{ field, detail: `${field}: ${issue.message}` }];
  });
  const first = errors[0] ?? { field: context, detail: `${context}: not valid` };
  const body = context === "body";
  return problem(
    body ? 422 : 400,
    body ? "event-rejected" : "bad-parameter",
    errors.map((e) => e.detail).join("; "),
    { field: first.field, errors },
  );
}

function unknownWhat(context: string): string {
  if (context === "querystring") return "not a parameter of this request";
  if (context === "body") return "not a field of this request";
  return "not expected here";
}
