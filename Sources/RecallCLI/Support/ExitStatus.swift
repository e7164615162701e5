/// Process exit codes, from sysexits(3), so scripts can tell failures apart.
public enum ExitStatus: Int32, Sendable {
  case ok = 0
  case usage = 64
  case dataError = 65
  case noInput = 66
  /// A program Recall needs is not installed (EX_UNAVAILABLE), such as WeasyPrint for PDF.
  case unavailable = 69
  case cannotCreate = 73
  case ioError = 74
}
