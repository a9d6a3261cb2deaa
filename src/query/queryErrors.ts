/** A company id that no stream of the log has. */
export class UnknownCompanyError extends Error {
  override readonly name = "UnknownCompanyError";

  constructor(
    readonly company: string,
    readonly known: readonly string[],
  ) {
    super(
      known.length <= 8
        ? `unknown company "${company}"; the log has: ${known.join(", ") || "(no companies)"}`
        : `unknown company "${company}": no id, name or alias of the ${known.length} companies of the log fits; designations list shows them`,
    );
  }
}

/** A program id that no stream of the log has. */
export class UnknownProgramError extends Error {
  override readonly name = "UnknownProgramError";

  constructor(
    readonly program: string,
    readonly known: readonly string[],
  ) {
    super(`unknown program "${program}"; the log has: ${known.join(", ") || "(no programs)"}`);
  }
}

/** An event id that no line of the log has. */
export class UnknownEventError extends Error {
  override readonly name = "UnknownEventError";

  constructor(readonly eventId: string) {
    super(`no event with id "${eventId}" in the log`);
  }
}

/** A name that fits several companies. */
export class AmbiguousCompanyError extends Error {
  override readonly name = "AmbiguousCompanyError";

  constructor(
    readonly query: string,
    readonly candidates: readonly { id: string; name: string }[],
    /** How many companies fit, when more than the candidates shown. */
    readonly total = candidates.length,
  ) {
    const shown = total > candidates.length ? `; the ${candidates.length} best` : "";
    super(
      `"${query}" could be any of ${total} companies${shown}; say which:\n${candidates.map((c) => `  ${c.id.padEnd(Math.max(...candidates.map((other) => other.id.length)))}  ${c.name}`).join("\n")}`,
    );
  }
}
