import RecallKit

/// Process exit codes, from sysexits(3), so scripts can tell failures apart.
public enum ExitStatus: Int32, Sendable {
  case ok = 0
  /// The command ran but what it checked did not all pass (`recall grade`: an answer the card
  /// does not accept); not an error.
  case notAccepted = 1
  case usage = 64
  case dataError = 65
  case noInput = 66
  /// A program Recall needs is not installed (EX_UNAVAILABLE), such as WeasyPrint for PDF.
  case unavailable = 69
  case cannotCreate = 73
  case ioError = 74
  /// Try again later: another session holds the deck's lock.
  case temporaryFailure = 75

  /// The one table from an error to the status a command stops with.
  public init(for error: any Error) {
    switch error {
    case let error as CommandError: self = error.status
    case let error as ProgressError:
      switch error {
      case .malformed, .newerSchema: self = .dataError
      case .invalidDeckID, .emptyFolderPath: self = .usage
      case .cannotCreate: self = .cannotCreate
      case .locked: self = .temporaryFailure
      case .io, .invalidReview, .notWritable: self = .ioError
      }
    case let error as DeckLookupError:
      switch error {
      case .invalidName: self = .usage
      case .notFound: self = .noInput
      }
    case let error as DeckFileError:
      switch error {
      case .notFound: self = .noInput
      case .unreadable: self = .ioError
      }
    case is SchedulerOptionsError: self = .usage
    case let error as WorksheetError:
      switch error {
      case .noQuestions: self = .dataError
      default: self = .usage
      }
    default: self = .dataError
    }
  }

  /// The status of a command that reported several problems: a bad input outweighs the
  /// others, and otherwise the first failure stands.
  func combined(with other: ExitStatus) -> ExitStatus {
    if self == .ok || other == .dataError { return other }
    return self
  }
}
