import CSQLite
import Foundation

/// What went wrong in SQLite, with its own message.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
  public var code: Int32
  public var message: String

  public var description: String { message }
}

/// A thin handle on the system SQLite library: open a database (from memory or a file), run
/// statements and read rows. Anki collections are read and written through it.
final class SQLiteDatabase {
  private var handle: OpaquePointer?

  /// An empty in-memory database, or the file at `path` (created when missing).
  init(path: String = ":memory:") throws(SQLiteError) {
    var opened: OpaquePointer?
    let status = sqlite3_open_v2(
      path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
    handle = opened
    guard status == SQLITE_OK else {
      let error = Self.error(opened, status)
      sqlite3_close(opened)
      handle = nil
      throw error
    }
    // Anki's schema 18 sorts deck and note type names with its own "unicase" collation;
    // without it SQLite refuses to read those tables. Case-folded comparison is the same order.
    sqlite3_create_collation_v2(
      opened, "unicase", SQLITE_UTF8, nil,
      { _, leftCount, left, rightCount, right in
        let lhs = String(
          decoding: UnsafeRawBufferPointer(start: left, count: Int(leftCount)), as: UTF8.self)
        let rhs = String(
          decoding: UnsafeRawBufferPointer(start: right, count: Int(rightCount)), as: UTF8.self)
        let (a, b) = (lhs.lowercased(), rhs.lowercased())
        return a < b ? -1 : (a == b ? 0 : 1)
      }, nil)
  }

  /// A private in-memory copy of a database file's bytes: nothing is read from or written to
  /// disk, and a damaged file is refused by SQLite's own checks.
  convenience init(bytes: [UInt8]) throws(SQLiteError) {
    try self.init()
    guard let handle else { throw SQLiteError(code: SQLITE_MISUSE, message: "no database") }
    let size = sqlite3_int64(bytes.count)
    guard let buffer = sqlite3_malloc64(sqlite3_uint64(max(bytes.count, 1))) else {
      throw SQLiteError(code: SQLITE_NOMEM, message: "out of memory")
    }
    bytes.withUnsafeBytes { source in
      if let base = source.baseAddress { memcpy(buffer, base, bytes.count) }
    }
    // A file saved in WAL mode (header bytes 18 and 19 are 2) cannot be opened from memory,
    // where there is no -wal file; as a rollback-journal file (1) it reads the same.
    if bytes.count >= 100, bytes[18] == 2, bytes[19] == 2 {
      let header = buffer.assumingMemoryBound(to: UInt8.self)
      header[18] = 1
      header[19] = 1
    }
    // SQLite owns and frees the buffer from here on, even when this fails.
    let status = sqlite3_deserialize(
      handle, "main", buffer.assumingMemoryBound(to: UInt8.self), size, size,
      UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE))
    guard status == SQLITE_OK else { throw Self.error(handle, status) }
    // A file that is not a database only shows itself on the first read.
    try check()
  }

  deinit {
    sqlite3_close_v2(handle)
  }

  /// Runs SQLite's quick integrity check, so a damaged file is refused before it is read.
  func check() throws(SQLiteError) {
    let result = try rows("PRAGMA quick_check") { $0.text(0) }
    guard result == ["ok"] else {
      throw SQLiteError(
        code: SQLITE_CORRUPT,
        message: "the database is damaged (\(result.prefix(3).joined(separator: "; ")))")
    }
  }

  /// Runs statements that return no rows.
  func execute(_ sql: String) throws(SQLiteError) {
    var message: UnsafeMutablePointer<CChar>?
    let status = sqlite3_exec(handle, sql, nil, nil, &message)
    if status != SQLITE_OK {
      let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(status))
      sqlite3_free(message)
      throw SQLiteError(code: status, message: text)
    }
  }

  /// Every row of a query, each turned into a value by `read`.
  func rows<T>(_ sql: String, _ values: [SQLiteValue] = [], _ read: (SQLiteRow) -> T)
    throws(SQLiteError) -> [T]
  {
    let statement = try prepare(sql)
    try statement.bind(values)
    var result: [T] = []
    while try statement.step() { result.append(read(SQLiteRow(statement: statement.pointer))) }
    return result
  }

  /// Whether a table of this name exists.
  func hasTable(_ name: String) throws(SQLiteError) -> Bool {
    try !rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(name)]) {
      _ in true
    }.isEmpty
  }

  func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
    var statement: OpaquePointer?
    let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
    guard status == SQLITE_OK, let statement else { throw Self.error(handle, status) }
    return SQLiteStatement(pointer: statement, database: handle)
  }

  /// The database as the bytes of a file.
  func serialized() throws(SQLiteError) -> [UInt8] {
    var size: sqlite3_int64 = 0
    guard let data = sqlite3_serialize(handle, "main", &size, 0) else {
      throw SQLiteError(code: SQLITE_NOMEM, message: "cannot serialise the database")
    }
    defer { sqlite3_free(data) }
    return Array(UnsafeBufferPointer(start: data, count: Int(size)))
  }

  static func error(_ handle: OpaquePointer?, _ status: Int32) -> SQLiteError {
    let message = handle.map { String(cString: sqlite3_errmsg($0)) }
    return SQLiteError(code: status, message: message ?? String(cString: sqlite3_errstr(status)))
  }
}

/// A value bound to a statement's `?`.
enum SQLiteValue {
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])
  case null
}

/// A prepared statement, finalised when released.
final class SQLiteStatement {
  let pointer: OpaquePointer
  private let database: OpaquePointer?

  init(pointer: OpaquePointer, database: OpaquePointer?) {
    self.pointer = pointer
    self.database = database
  }

  deinit {
    sqlite3_finalize(pointer)
  }

  func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      let status: Int32
      switch value {
      case .integer(let number): status = sqlite3_bind_int64(pointer, index, number)
      case .real(let number): status = sqlite3_bind_double(pointer, index, number)
      case .text(let text):
        status = sqlite3_bind_text(pointer, index, text, -1, recall_sqlite_transient())
      case .blob(let bytes):
        status = bytes.withUnsafeBytes {
          sqlite3_bind_blob(
            pointer, index, $0.baseAddress, Int32($0.count), recall_sqlite_transient())
        }
      case .null: status = sqlite3_bind_null(pointer, index)
      }
      guard status == SQLITE_OK else { throw SQLiteDatabase.error(database, status) }
    }
  }

  /// Runs the statement once with these values and resets it for the next.
  func run(_ values: [SQLiteValue]) throws(SQLiteError) {
    try bind(values)
    while try step() {}
    sqlite3_reset(pointer)
    sqlite3_clear_bindings(pointer)
  }

  /// Moves to the next row; false when there is none.
  func step() throws(SQLiteError) -> Bool {
    let status = sqlite3_step(pointer)
    switch status {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      sqlite3_reset(pointer)
      throw SQLiteDatabase.error(database, status)
    }
  }
}

/// The current row of a statement; columns are numbered from 0.
struct SQLiteRow {
  let statement: OpaquePointer

  func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

  func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }

  func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

  /// The column as UTF-8 text; bytes that are not UTF-8 are repaired, never trusted.
  func text(_ column: Int32) -> String {
    String(decoding: blob(column), as: UTF8.self)
  }

  func blob(_ column: Int32) -> [UInt8] {
    // The pointer first, then the size, as SQLite asks.
    guard let bytes = sqlite3_column_blob(statement, column) else { return [] }
    let count = Int(sqlite3_column_bytes(statement, column))
    return Array(UnsafeRawBufferPointer(start: bytes, count: count))
  }
}
