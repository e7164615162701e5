import Foundation

/// Reads the progress folders a teacher collected from a class, one folder per student.
///
/// A folder that cannot be used — missing, holding another deck's progress, damaged, written by
/// a newer Recall — is skipped with its reason, and the others are still read: one student's
/// broken copy must not stop the report for thirty.
public enum ClassRoster {
  /// The students that could be read, in the order given, and those skipped.
  public struct Result: Sendable {
    public var students: [StudentRecord]
    public var skipped: [ClassReport.Skipped]
  }

  /// Reads every folder, two at a time (a class's logs are read in parallel).
  ///
  /// - Parameter names: display names by folder name (the folder's last path component);
  ///   a folder not in it is shown by its own name.
  public static func read(
    folders: [String], deckID: String, names: [String: String] = [:], calendar: ClassCalendar
  ) -> Result {
    let outcomes = ResultSlots<Swift.Result<StudentRecord, ClassReport.Skipped>>(
      count: folders.count)
    DispatchQueue.concurrentPerform(iterations: folders.count) { index in
      outcomes.set(
        index, readOne(folder: folders[index], deckID: deckID, names: names, calendar: calendar))
    }
    var students: [StudentRecord] = []
    var skipped: [ClassReport.Skipped] = []
    for outcome in outcomes.values {
      switch outcome {
      case .success(let student): students.append(student)
      case .failure(let skip): skipped.append(skip)
      }
    }
    return Result(students: students, skipped: skipped)
  }

  /// The name a folder is shown under.
  public static func displayName(folder: String, names: [String: String]) -> String {
    let base =
      (folder as NSString).standardizingPath.split(separator: "/").last.map(String.init)
      ?? folder
    return names[base] ?? base
  }

  static func readOne(
    folder: String, deckID: String, names: [String: String], calendar: ClassCalendar
  ) -> Swift.Result<StudentRecord, ClassReport.Skipped> {
    let name = displayName(folder: folder, names: names)
    func skip(_ reason: String) -> Swift.Result<StudentRecord, ClassReport.Skipped> {
      .failure(ClassReport.Skipped(name: name, reason: reason))
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      return skip("no folder \(folder)")
    }
    guard isDirectory.boolValue else { return skip("\(folder) is not a folder") }
    let files: ProgressFiles
    do {
      files = try ProgressFiles(deckID: deckID, directory: folder)
    } catch {
      return skip("\(error)")
    }
    let present = [files.snapshot, files.journal, files.reviews].filter {
      FileManager.default.fileExists(atPath: $0)
    }
    if present.isEmpty {
      let others = otherDecks(in: folder)
      return skip(
        others.isEmpty
          ? "no progress for '\(deckID)' in \(folder)"
          : "no progress for '\(deckID)' in \(folder) (it holds progress of "
            + others.map { "'\($0)'" }.joined(separator: ", ") + ")")
    }
    do {
      let store = try ProgressStore.openReadOnly(deckID: deckID, directory: folder)
      return .success(
        try StudentRecord(name: name, folder: folder, store: store, calendar: calendar))
    } catch {
      switch error {
      case .newerSchema: return skip("written by a newer Recall: \(error)")
      case .malformed: return skip("damaged: \(error)")
      default: return skip("\(error)")
      }
    }
  }

  /// Deck ids whose snapshot or log is in `folder`.
  static func otherDecks(in folder: String) -> [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var ids = Set<String>()
    for entry in entries {
      for suffix in [".reviews.jsonl", ".journal.jsonl", ".json"] where entry.hasSuffix(suffix) {
        ids.insert(String(entry.dropLast(suffix.count)))
        break
      }
    }
    return ids.sorted()
  }
}
