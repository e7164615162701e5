extension ProgressStore {
  /// The most backups of one schema kept side by side (`.v1.bak`, `.v1.bak.2`, …).
  static let maximumBackups = 99

  /// Rewrites a snapshot of an older schema in the current one, after keeping a copy.
  ///
  /// Schema 2 added each card's `reps` and `lapses`, which `load` has already computed for a
  /// schema-1 file from the review log and the journal (as of the snapshot's
  /// `journalThrough`); schema 3 added `marks`, of which an older file has none. The steps,
  /// each durable before the next:
  /// 1. copy the file as it was to `<deck>.json.v1.bak` (`.v2.bak` for schema 2; write
  ///    temp, fsync, rename). An
  ///    existing backup is never overwritten: one with the same bytes is used as it is (a
  ///    migration that failed after it), otherwise the next free `.v1.bak.2`, `.v1.bak.3`, …;
  /// 2. replace the snapshot, with the same states and `journalThrough`, in the current schema.
  /// The old file stays whole until the rename of step 2, so a crash or a failed write at any
  /// point loses nothing, and the next open migrates again. The journal and the review log
  /// are left alone: their lines did not change, and their headers are rewritten by the next
  /// compaction (the journal) or never (the log; see `ProgressFormat.schema`).
  func migrate(_ snapshot: ProgressSnapshot, originalBytes: [UInt8]) throws(ProgressError)
    -> ProgressMigration
  {
    let from = snapshot.schema
    let to = ProgressFormat.schema
    let what = "migrating \(files.snapshot) from schema \(from) to \(to)"
    let backup = try backupPath(schema: from, bytes: originalBytes)
    do {
      if !backup.exists {
        try ProgressFileSystem.replace(backup.path, with: originalBytes)
      }
      var migrated = snapshot
      migrated.schema = to
      try ProgressFileSystem.replace(files.snapshot, with: Array(migrated.encoded().utf8))
    } catch {
      throw error.explained(while: what)
    }
    return ProgressMigration(
      snapshot: files.snapshot, backup: backup.path, fromSchema: from, toSchema: to)
  }

  /// The first backup name that is free or already holds `bytes`.
  private func backupPath(schema: Int, bytes: [UInt8]) throws(ProgressError)
    -> (path: String, exists: Bool)
  {
    let base = files.snapshot + ".v\(schema).bak"
    for number in 1...Self.maximumBackups {
      let path = number == 1 ? base : base + ".\(number)"
      guard let existing = try ProgressFileSystem.readFile(path) else { return (path, false) }
      if existing == bytes { return (path, true) }
    }
    throw .cannotCreate(
      path: base,
      reason: "\(Self.maximumBackups) backups of schema-\(schema) progress are already there; "
        + "move them away to migrate \(files.snapshot)")
  }
}

extension ProgressError {
  /// The same error, saying what was being done when it happened.
  func explained(while activity: String) -> ProgressError {
    switch self {
    case .io(let path, let operation, let reason):
      .io(path: path, operation: "\(operation) while \(activity)", reason: reason)
    case .cannotCreate(let path, let reason):
      .cannotCreate(path: path, reason: "\(reason) (while \(activity))")
    default: self
    }
  }
}
