/// What `ProgressStore.open` did to a snapshot written by an older schema: the caller tells
/// the user in one line (`description`).
public struct ProgressMigration: Hashable, Sendable, CustomStringConvertible {
  /// The snapshot, now in the current schema.
  public var snapshot: String
  /// The copy of the file as it was, byte for byte.
  public var backup: String
  public var fromSchema: Int
  public var toSchema: Int

  public var description: String {
    "migrated \(snapshot) from schema \(fromSchema) to \(toSchema); the old file is kept as "
      + backup
  }
}
