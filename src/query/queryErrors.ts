/** A company id that no stream of the log has. */
export class UnknownCompanyError extends Error {
  override readonly name = "UnknownCompanyError";

  constructor(
    readonly company: string,
    readonly known: readonly string[],
  ) {
    super(`unknown company "${company}"; the log has: ${known.join(", ") || "(no companies)"}`);
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
