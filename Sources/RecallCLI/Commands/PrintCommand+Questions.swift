import RecallKit

extension PrintCommand {
  /// The questions `recall print` chooses from: every question the generator makes for a deck.
  ///
  /// Placeholder until the generator lands: it reports that generation is unavailable.
  static let generated: QuestionSource = { _, _ in throw QuestionSourceUnavailable() }
}

/// Raised by the placeholder question source while Recall has no generator.
struct QuestionSourceUnavailable: Error, CustomStringConvertible {
  var description: String { "question generation is not available in this build" }
}
