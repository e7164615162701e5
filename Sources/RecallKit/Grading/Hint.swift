/// What `:hint` reveals before the learner answers. Answering after a hint suggests `hard` at best.
public enum Hint: Hashable, Sendable {
  /// A clue to show: the first letter of a text answer, the year of a date.
  case clue(String)
  /// For a choice question, the options still in play (ascending, so letters do not move).
  case remainingOptions([Int])

  /// The hint for `question`, or nil when there is nothing fair to reveal (true/false, or a
  /// choice with only two options). The same seed and question always give the same hint, so a
  /// session can be replayed.
  public static func make(for question: Question, seed: UInt64) -> Hint? {
    switch question.expected {
    case .text(let answers):
      return answers.first.flatMap(textClue)
    case .date(let date):
      return .clue(dateClue(date))
    case .number(let value):
      return .clue(numberClue(value))
    case .choice(let correct):
      return remaining(
        options: question.options.count, correct: correct, seed: seed, id: question.id)
    case .truth:
      return nil
    case .order(let order):
      guard let first = order.first, let letter = OptionLetters.letter(first) else { return nil }
      return .clue("\(letter) comes first")
    case .match(let pairs):
      guard let option = pairs.first, let letter = OptionLetters.letter(option) else { return nil }
      return .clue("1 goes with \(letter)")
    }
  }

  /// "starts with “N”, 2 words": the first letter of the first word that is not an article.
  static func textClue(_ answer: String) -> Hint? {
    var words = answer.split(whereSeparator: \.isWhitespace)
    if words.count > 1, let first = words.first,
      TextNormalizer.leadingArticles.contains(first.lowercased())
    {
      words.removeFirst()
    }
    guard let first = words.first?.first(where: { $0.isLetter || $0.isNumber }) else { return nil }
    let count = words.count == 1 ? "" : ", \(words.count) words"
    return .clue("starts with “\(first)”\(count)")
  }

  /// The year for anything more precise than a year, the decade for a year. A range says it
  /// is one: its years when the answer is finer than years ("from 1998 to 1999" for July 1998
  /// to January 1999), its decades when the years are the answer.
  static func dateClue(_ date: HistoricalDate) -> String {
    guard let end = date.end else {
      return date.precision == .year ? "in the \(date.year / 10 * 10)s" : "in \(date.year)"
    }
    let (first, last) = (date.year, end.years.upperBound)
    if date.precision <= .year {
      let (from, to) = (first / 10 * 10, last / 10 * 10)
      return from == to ? "a span of years in the \(from)s" : "from the \(from)s to the \(to)s"
    }
    return first == last ? "a span within \(first)" : "from \(first) to \(last)"
  }

  /// How many digits the figure has.
  static func numberClue(_ value: NumberValue) -> String {
    let digits = String(Int64(abs(value.low).rounded(.down))).count
    return digits == 1 ? "a single digit" : "a \(digits)-digit number"
  }

  /// The right option and all but two wrong ones (fewer removed when that would leave only the
  /// right option), chosen by a generator seeded from `seed` and the question's id.
  static func remaining(options count: Int, correct: Int, seed: UInt64, id: String) -> Hint? {
    guard (0..<count).contains(correct) else { return nil }
    var wrong = (0..<count).filter { $0 != correct }
    let removeCount = min(2, wrong.count - 1)
    guard removeCount > 0 else { return nil }
    var random = SeededGenerator(seed: seed, salt: id)
    random.shuffle(&wrong)
    let kept = wrong.dropFirst(removeCount) + [correct]
    return .remainingOptions(kept.sorted())
  }
}
