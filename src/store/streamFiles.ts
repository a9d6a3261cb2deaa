import { existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { EDITIONS_COMPANY } from "../domain/editionStream.js";
import { folderEntries } from "./folderEntries.js";
import { LogError } from "./logError.js";

/**
 * The one place that knows how the log lies on disk: one folder per program, one file
 * `<company>.jsonl` per stream in it (`editions.jsonl` holding the program's list actions).
 */

/** One stream's file, and whose stream it is. */
export interface StreamFile {
  file: string;
  company: string;
  program: string;
}

const STREAM_FILE = /^(.+)\.jsonl$/;

/**
 * The file of a company's (or the edition) stream on one program, whether or not it exists yet.
 *
 * @example
 * streamFileOf("events", "xiaomi", "dod-1237"); // "events/dod-1237/xiaomi.jsonl"
 */
export function streamFileOf(dir: string, company: string, program: string): string {
  return join(dir, program, `${company}.jsonl`);
}

/**
 * Throws `LogError` unless `dir` is a folder: a missing one and a file are told apart.
 *
 * @example
 * requireEventsFolder("events");
 */
export function requireEventsFolder(dir: string): void {
  if (!existsSync(dir)) throw new LogError([{ file: dir, message: "no such events folder" }]);
  if (!statSync(dir).isDirectory()) {
    throw new LogError([{ file: dir, message: "not a folder: --events names the events folder" }]);
  }
}

/**
 * The programs of the log: its folders, sorted. Throws `LogError` when there is no such folder.
 *
 * @example
 * programsOf("events"); // ["dod-1237", "dod-1260h", "ofac-ns-ccmc", "ofac-ns-cmic"]
 */
export function programsOf(dir: string): string[] {
  requireEventsFolder(dir);
  refuseLinks(dir, () => true);
  return folderEntries(dir, "directory");
}

/**
 * Refuses symbolic links among the entries of a folder of the log that `counts` says belong to
 * it (a program folder, a stream file): the log holds its own files only, and a link could lead a
 * read or an append out of it. Throws `LogError` naming each link.
 */
function refuseLinks(folder: string, counts: (name: string) => boolean): void {
  const links = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isSymbolicLink() && counts(entry.name))
    .map((entry) => join(folder, entry.name))
    .sort();
  if (links.length > 0) throw linksError(links);
}

function linksError(links: readonly string[]): LogError {
  return new LogError(
    links.map((file) => ({
      file,
      message:
        "a symbolic link: the events folder holds its own folders and files only, and none is followed out of it. Put the file itself there",
    })),
  );
}

/**
 * The file of a company's stream on one program, checked not to be (or sit in) a symbolic link
 * (`LogError` if it does), and whether it exists: what a read of one stream or an append uses.
 *
 * @example
 * ownStreamFile("events", "xiaomi", "dod-1237"); // { file: "events/dod-1237/xiaomi.jsonl", exists: true }
 */
export function ownStreamFile(
  dir: string,
  company: string,
  program: string,
): { file: string; exists: boolean } {
  const file = streamFileOf(dir, company, program);
  const links = [join(dir, program), file].filter((path) =>
    lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink(),
  );
  if (links.length > 0) throw linksError(links);
  return { file, exists: existsSync(file) };
}

/**
 * Every stream file of the log (companies' and editions'), sorted by program then company,
 * without reading them. Other files are not streams.
 *
 * @example
 * allStreamFiles("events")[0]; // { file: "events/dod-1237/aviation-industry-corporation-of-china.jsonl", ... }
 */
export function allStreamFiles(dir: string, program?: string): StreamFile[] {
  // A long-lived process (the server) lists a folder again only when it changed: an added,
  // removed or replaced entry (a symbolic link too) changes the folder's times.
  const key = `${dir}\0${program ?? ""}`;
  const version = folderVersion(dir, program);
  const cached = listings.get(key);
  if (cached !== undefined && cached.version === version) return cached.files;
  // The same frozen array while the folders are unchanged: callers may key caches by it.
  const files = Object.freeze(listStreamFiles(dir, program)) as StreamFile[];
  listings.set(key, { version, files });
  return files;
}

const listings = new Map<string, { version: string; files: StreamFile[] }>();

/** The times of the events folder and of its program folders (or of one). */
function folderVersion(dir: string, program: string | undefined): string {
  const stamp = (path: string) => {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    return stat === undefined ? "-" : `${stat.ino}:${stat.mtimeMs}:${stat.ctimeMs}`;
  };
  const programs = program === undefined ? programsOf(dir) : [program];
  return [stamp(dir), ...programs.map((p) => `${p}=${stamp(join(dir, p))}`)].join(" ");
}

function listStreamFiles(dir: string, program?: string): StreamFile[] {
  return (program === undefined ? programsOf(dir) : [program]).flatMap((p) => {
    const folder = join(dir, p);
    if (lstatSync(folder, { throwIfNoEntry: false })?.isSymbolicLink()) throw linksError([folder]);
    if (!existsSync(folder)) return [];
    refuseLinks(folder, (name) => STREAM_FILE.test(name));
    return folderEntries(folder, "file").flatMap((name) => {
      const company = STREAM_FILE.exec(name)?.[1];
      return company === undefined ? [] : [{ file: join(folder, name), company, program: p }];
    });
  });
}

/**
 * The companies' stream files (not the edition streams), on one program or all.
 *
 * @example
 * companyStreamFiles("events", "dod-1237").length; // 44
 */
export function companyStreamFiles(dir: string, program?: string): StreamFile[] {
  return allStreamFiles(dir, program).filter((stream) => stream.company !== EDITIONS_COMPANY);
}

/**
 * The edition streams' files, one per program that has list actions.
 *
 * @example
 * editionStreamFiles("events").map((s) => s.program); // ["dod-1237", "dod-1260h", ...]
 */
export function editionStreamFiles(dir: string): StreamFile[] {
  return allStreamFiles(dir).filter((stream) => stream.company === EDITIONS_COMPANY);
}
