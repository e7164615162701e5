/// Why an Anki package could not be read; each says what a user can do about it.
public enum AnkiPackageError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Not a ZIP archive at all.
  case notZip
  /// A ZIP archive whose entries are encrypted.
  case encrypted
  /// The archive's directory or an entry does not read (cut short, damaged bytes).
  case damagedArchive(String)
  /// A ZIP archive without an Anki collection in it.
  case notAnki(entries: [String])
  /// Unpacking would pass the size limit: a zip bomb, or a collection too large to import.
  case tooLarge(entry: String, limit: Int)
  /// The collection inside is not an SQLite database Recall can read.
  case damagedCollection(String)
  /// Reading or writing the package file failed.
  case io(String)

  public var description: String {
    switch self {
    case .notZip:
      "this is not an Anki package: an .apkg or .colpkg file is a ZIP archive"
    case .encrypted:
      "the archive is password-protected; Anki packages never are, so export the deck from "
        + "Anki again"
    case .damagedArchive(let reason):
      "the archive is damaged or cut short (\(reason)); export the deck from Anki again"
    case .notAnki(let entries):
      "this ZIP archive is not an Anki package: it has no collection.anki2 or "
        + "collection.anki21b (it holds "
        + (entries.isEmpty
          ? "nothing"
          : entries.prefix(5).map { "'\(TextSanitizer.visible($0))'" }.joined(separator: ", ")
            + (entries.count > 5 ? ", …" : ""))
        + ")"
    case .tooLarge(let entry, let limit):
      "'\(TextSanitizer.visible(entry))' would unpack to more than \(limit >> 20) MiB; "
        + "imports are limited to that"
    case .damagedCollection(let reason):
      "the collection in the package does not read as an Anki collection (\(reason))"
    case .io(let reason):
      reason
    }
  }
}
