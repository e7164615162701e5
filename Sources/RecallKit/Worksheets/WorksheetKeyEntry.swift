/// One line of an answer key: what to look for on a student's sheet for one question.
public struct WorksheetKeyEntry: Hashable, Sendable {
  public var number: Int
  public var kind: Question.Kind
  /// What the sheet shows for the answer, when it differs from the answer text: the option
  /// letter ("B"), the numbers to write in the ordering boxes ("3, 1, 4, 2"), or the pairs
  /// ("1–C, 2–A").
  public var code: String?
  /// The accepted answers exactly as `Question.answerTexts` gives them.
  public var answerTexts: [String]
  public var explanation: String
  public var note: String?
  /// What a marker should accept where a written answer can be more or less exact: the range of
  /// numbers, or how precise a date must be. Nil where the answer is one thing.
  public var marking: String?
  /// The question's points: the teacher's `--points`, else 1.
  public var points: Double

  public init(_ item: WorksheetItem, points: WorksheetPoints? = nil) {
    let question = item.question
    number = item.number
    kind = question.kind
    answerTexts = question.answerTexts
    note = item.note
    explanation = Self.explanation(question.explanation, without: item.note)
    code = Self.code(for: question)
    marking = WorksheetMarking.guidance(for: question.expected)
    self.points = points?.value(for: question.kind) ?? 1
  }

  /// "2 points · accept any number from 2,700 to 3,300": the line under the answer.
  public var markingLine: String {
    [WorksheetWording.pointsText(points), marking].compactMap { $0 }.joined(separator: " · ")
  }

  /// The answer as a grader reads it: the first accepted form (all of them for order and match).
  public var answer: String {
    switch kind {
    case .truefalse:
      return answerTexts.first.map { $0 == "true" ? "True" : $0 == "false" ? "False" : $0 } ?? ""
    case .order, .match:
      return answerTexts.joined(separator: "; ")
    case .short, .choice, .cloze, .numeric:
      return answerTexts.first ?? ""
    }
  }

  /// Other forms a typed answer may take (aliases, alternate spellings).
  public var alsoAccepted: [String] {
    switch kind {
    case .short, .cloze, .numeric: Array(answerTexts.dropFirst())
    case .choice, .truefalse, .order, .match: []
    }
  }

  /// The explanation less the author's note, which the generator ends it with and the key
  /// prints on its own line: a key should say it once.
  static func explanation(_ text: String, without note: String?) -> String {
    guard let note, !note.isEmpty else { return text }
    let sentence = English.sentence("Note: " + note)
    guard let range = text.range(of: sentence, options: .backwards) else { return text }
    var rest = text
    rest.removeSubrange(range)
    return rest.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }

  private static func code(for question: Question) -> String? {
    switch question.expected {
    case .choice(let index):
      return WorksheetLabels.option(index)
    case .order(let sequence):
      // The box beside each item, top to bottom, holds its rank in the right sequence.
      var rank = [Int](repeating: 0, count: question.options.count)
      for (position, option) in sequence.enumerated() where rank.indices.contains(option) {
        rank[option] = position + 1
      }
      return rank.map(String.init).joined(separator: ", ")
    case .match(let targets):
      return targets.enumerated().map { item, option in
        "\(item + 1)–\(option >= 0 ? WorksheetLabels.option(option) : "?")"
      }.joined(separator: ", ")
    case .text, .date, .number, .truth:
      return nil
    }
  }
}

/// How options and match columns are labelled on every format, so sheet and key agree.
public enum WorksheetLabels {
  /// "A", "B"… "Z", then "AA", "AB"…
  public static func option(_ index: Int) -> String {
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    guard index >= 0 else { return "?" }
    if index < 26 { return String(letters[index]) }
    return option(index / 26 - 1) + String(letters[index % 26])
  }
}
