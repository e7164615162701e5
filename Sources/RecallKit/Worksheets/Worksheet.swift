/// A printable question set: the same questions in one or more versions, each with its key.
public struct Worksheet: Hashable, Sendable {
  public var title: String
  public var deckTitle: String
  public var deckID: String
  /// BCP 47 tag of the deck's text, for the HTML `lang` attribute.
  public var language: String
  /// The seed that reproduces this worksheet; printed in the key, not on the students' sheet.
  public var seed: UInt64
  /// Points per question form; nil when the teacher did not ask for points.
  public var points: WorksheetPoints?
  public var versions: [WorksheetVersion]

  public init(
    title: String, deckTitle: String, deckID: String, language: String = "en", seed: UInt64,
    points: WorksheetPoints? = nil, versions: [WorksheetVersion]
  ) {
    self.title = title
    self.deckTitle = deckTitle
    self.deckID = deckID
    self.language = language
    self.seed = seed
    self.points = points
    self.versions = versions
  }

  /// The deck's title for the line under the heading; nil when the heading already is it.
  public var deckTitleBelowHeading: String? { title == deckTitle ? nil : deckTitle }

  /// The sum of the points of every question, when points are shown.
  public var totalPoints: Double? {
    guard let points, let first = versions.first else { return nil }
    return first.items.reduce(0) { $0 + points.value(for: $1.question.kind) }
  }
}

/// One lettered version of a worksheet.
public struct WorksheetVersion: Hashable, Sendable {
  /// "A", "B", "C"…
  public var letter: String
  public var sections: [WorksheetSection]

  public init(letter: String, sections: [WorksheetSection]) {
    self.letter = letter
    self.sections = sections
  }

  /// Every question in print order.
  public var items: [WorksheetItem] { sections.flatMap(\.items) }

  /// The answer key, in print order, one point a question.
  public var key: [WorksheetKeyEntry] { key(points: nil) }

  /// The answer key, in print order, with each question's points (1 unless `points` says).
  public func key(points: WorksheetPoints?) -> [WorksheetKeyEntry] {
    items.map { WorksheetKeyEntry($0, points: points) }
  }
}

/// The questions of one form, printed under one heading with one instruction.
public struct WorksheetSection: Hashable, Sendable {
  public var kind: Question.Kind
  public var items: [WorksheetItem]

  public init(kind: Question.Kind, items: [WorksheetItem]) {
    self.kind = kind
    self.items = items
  }
}

/// A question as printed: its number on the sheet and, for the key, the author's note on its fact.
public struct WorksheetItem: Hashable, Sendable {
  /// 1-based, counted through the whole sheet.
  public var number: Int
  public var question: Question
  public var note: String?

  public init(number: Int, question: Question, note: String? = nil) {
    self.number = number
    self.question = question
    self.note = note
  }
}
