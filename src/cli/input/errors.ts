/**
 * The two ways reading an input file fails as a whole: the file cannot be
 * read as its format ({@link InputError}), or it lacks a column the command
 * needs ({@link MissingColumnsError}). A single unreadable row is not an
 * error but a `RowProblem` of its batch.
 */

/**
 * The input cannot be read at all: the file does not open, its format is not
 * known, a quoted field is not closed at the end of input, the JSON is
 * invalid, the top level of a JSON file is not an array, the file is empty
 * (no header), a JSON record is not an object, or an option is invalid.
 *
 * The message says what is wrong, without the place; `file`, `line` and
 * `column` give the place (`line` and `column` 1-based, `null` when the
 * problem has no single place, `column` always `null` for JSON).
 *
 * @example
 * const error = new InputError('a quoted field is not closed at the end of the input', 'answers.csv', 12, 3);
 * [error.name, error.file, error.line, error.column] // => ['InputError', 'answers.csv', 12, 3]
 * error.message // => 'a quoted field is not closed at the end of the input'
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A list of names for a message: each quoted as a JSON string, comma-separated. */
function quoted(names: readonly string[]): string {
  return names.map((name) => JSON.stringify(name)).join(', ');
}

/**
 * Columns the command needs are not in the file: not in the header (CSV,
 * TSV) or not keys of the first record (JSON, NDJSON). `missing` lists them
 * in the order requested; `header` lists the columns the file has.
 *
 * @example
 * const error = new MissingColumnsError(['score'], ['id', 'region']);
 * error.message // => 'missing column "score"; the file has the columns "id", "region"'
 * [error.name, error.missing, error.header] // => ['MissingColumnsError', ['score'], ['id', 'region']]
 */
export class MissingColumnsError extends Error {
  constructor(
    readonly missing: readonly string[],
    readonly header: readonly string[],
  ) {
    const has = header.length === 0 ? 'the file has no columns' : `the file has the columns ${quoted(header)}`;
    super(`missing ${missing.length === 1 ? 'column' : 'columns'} ${quoted(missing)}; ${has}`);
    this.name = 'MissingColumnsError';
  }
}
