/// The checks every generated question passes before it is kept. A question that fails one is
/// dropped, and `recall check` reports it at its fact, so the author sees what was left out and
/// why. The rules are general (they read the question's own text and the deck's names), never
/// lists tuned to one deck.
public struct QuestionLinter: Sendable {
  /// What can be wrong with a question.
  public enum Rule: String, Hashable, Sendable, CaseIterable {
    /// An accepted answer appears in the prompt ("Who was the commander Remi who…" → Remi).
    case answerInPrompt = "answer-in-prompt"
    /// The answer is what the whole deck is about (its title names it, or nearly every fact
    /// does): a blank a learner fills without knowing anything.
    case answerIsTheSubject = "answer-is-the-subject"
    /// Two options are the same, or one is the other with a word more.
    case duplicateOptions = "duplicate-options"
    /// A wrong option is also right: an alias of the answer, a figure the answer's bound makes
    /// true, a date inside the answer's span.
    case distractorAlsoTrue = "distractor-also-true"
    /// Nothing around the blank says what kind of word is wanted ("…the exact figures are
    /// _____.", "…as far as the KLA's _____.").
    case blankWithoutCue = "blank-without-cue"
    /// An earlier question already asks this (same answer, nearly the same words).
    case repeatedQuestion = "repeated-question"
  }

  /// A question that failed a rule, and why.
  public struct Finding: Hashable, Sendable {
    public var question: Question
    public var rule: Rule
    public var detail: String
  }

  /// Folded forms of what the deck is about: the names its title contains, and names that
  /// nearly every fact mentions.
  let subjectNames: Set<String>
  /// The words of the deck's title, folded, for answers that are words of it.
  let titleWords: [String]
  /// Each fact's names (folded), by fact id, for options that are another name of the answer.
  let namesByFact: [String: Set<String>]
  /// The facts whose person or group is what the deck is about (a place's statements are about
  /// what happened there, and stay).
  let subjectFacts: Set<String>

  init(deck: Deck, index: DeckIndex) {
    subjectNames = index.subjectNames
    titleWords = English.words(of: English.folded(deck.title))
    var names: [String: Set<String>] = [:]
    for (position, folded) in index.foldedNames.enumerated() where folded.count > 1 {
      names[deck.facts[position].id] = Set(folded)
    }
    namesByFact = names
    var subjects: Set<String> = []
    for (position, folded) in index.foldedNames.enumerated() {
      guard let first = folded.first else { continue }
      switch deck.facts[position].content {
      case .person, .group: break
      default: continue
      }
      if index.subjectNames.contains(English.words(of: first).joined(separator: " ")) {
        subjects.insert(deck.facts[position].id)
      }
    }
    subjectFacts = subjects
  }

  /// The linter for a deck, for tests and tools that lint questions made elsewhere.
  public init(deck: Deck) {
    self.init(deck: deck, index: DeckIndex(deck: deck))
  }

  /// Generic words that name the kind of place or thing rather than which one.
  static let genericWords: Set<String> = [
    "the", "region", "area", "village", "town", "city", "river", "province", "district", "zone",
    "valley", "island", "islands", "county", "state", "country", "kingdom", "empire",
  ]

  /// The first rule a question fails on its own, or nil.
  public func check(_ question: Question) -> Finding? {
    check(question, promptWords: nil)
  }

  /// Dates read from option text, by text, for one thread of a `lint`: the distractors of date
  /// choices are other facts' dates, so the same few strings come back in many questions, and
  /// reading them again was a quarter of `recall check` (`perf record`, 100,000 facts).
  final class ParsedDates {
    private var byText: [String: HistoricalDate?] = [:]

    func date(_ text: String) -> HistoricalDate? {
      if let known = byText[text] { return known }
      let date = HistoricalDate(parsing: text)
      byText[text] = date
      return date
    }
  }

  /// `check`, given the prompt's content words when the caller has them.
  func check(
    _ question: Question, promptWords: Set<String>?, dates: ParsedDates = ParsedDates()
  ) -> Finding? {
    func finding(_ rule: Rule, _ detail: String) -> Finding {
      Finding(question: question, rule: rule, detail: detail)
    }
    guard question.template != .card else { return nil }
    let answers = shownAnswers(question)
    if let leaked = leakedAnswer(answers, in: question) {
      return finding(.answerInPrompt, "the prompt already contains the answer \"\(leaked)\"")
    }
    if question.kind != .truefalse, let subject = answers.first(where: isTheSubject) {
      return finding(
        .answerIsTheSubject, "the answer \"\(subject)\" is what the whole deck is about")
    }
    // "Who was Henry V?" in a deck about Henry V's campaign: every card already says so.
    if question.template == .roleChoice || question.template == .truefalse,
      subjectFacts.contains(question.fact)
    {
      return finding(
        .answerIsTheSubject, "the question asks what the whole deck is about")
    }
    if case .choice(let right) = question.expected {
      if let pair = Self.duplicatePair(question.options) {
        return finding(
          .duplicateOptions, "the options \"\(pair.0)\" and \"\(pair.1)\" say the same")
      }
      if let wrong = alsoTrueOption(question, right: right, dates: dates) {
        return finding(.distractorAlsoTrue, "the wrong option \"\(wrong)\" is also true")
      }
    }
    if question.kind == .cloze || Self.blankRange(in: question.prompt) != nil,
      question.kind != .choice,
      let reason = Self.missingCue(question.prompt, answers: answers, promptWords: promptWords)
    {
      return finding(.blankWithoutCue, reason)
    }
    return nil
  }

  /// Keeps the questions that pass every rule, in order; the rest come back as findings.
  /// Repeats are looked for among the questions already kept, so the first of two wins.
  public func lint(_ questions: [Question]) -> (kept: [Question], dropped: [Finding]) {
    var kept: [Question] = []
    kept.reserveCapacity(questions.count)
    var dropped: [Finding] = []
    var repeats = RepeatFinder()
    for (question, screening) in zip(questions, screen(questions)) {
      if let finding = screening.finding {
        dropped.append(finding)
      } else if let earlier = repeats.earlierCopy(of: question, words: screening.words) {
        dropped.append(
          Finding(
            question: question, rule: .repeatedQuestion,
            detail: "'\(earlier)' already asks this"))
      } else {
        kept.append(question)
      }
    }
    return (kept, dropped)
  }

  /// What the rules that read one question alone find in it, and its content words, worked
  /// out once for the blank rule and the repeats.
  struct Screening: Equatable, Sendable {
    var words: Set<String>?
    var finding: Finding?
  }

  /// Below this many questions, screening on one thread is quicker than starting a second.
  static let parallelThreshold = 5_000

  /// `check` for each question; from `splittingFrom` questions on, the two halves at once
  /// (`SplitWork`): those rules read only the question and the deck. The repeats depend on the
  /// questions kept before, so `lint` looks for them afterwards, in order, and the result is
  /// the one-thread result.
  func screen(
    _ questions: [Question], splittingFrom minimum: Int = Self.parallelThreshold
  ) -> [Screening] {
    SplitWork.map(questions, minimumCount: minimum) { part in
      let dates = ParsedDates()
      return part.map { question in
        let words = RepeatFinder.key(of: question).map { _ in
          DeckIndex.contentWords(question.prompt)
        }
        return Screening(words: words, finding: check(question, promptWords: words, dates: dates))
      }
    }
  }

  // MARK: The rules

  /// The answers as shown: the typed answers, or the right option.
  func shownAnswers(_ question: Question) -> [String] {
    switch question.expected {
    case .text(let answers): answers
    case .choice(let index):
      question.options.indices.contains(index) ? [question.options[index]] : []
    default: []
    }
  }

  private func leakedAnswer(_ answers: [String], in question: Question) -> String? {
    guard question.kind != .truefalse, question.kind != .order, question.kind != .match else {
      return nil
    }
    if case .date(let date) = question.expected,
      English.mentions(date.formatted, in: question.prompt)
    {
      return date.formatted
    }
    let probe = TextProbe(question.prompt)
    for answer in answers {
      let bare = Self.withoutArticle(answer)
      // Very short answers ("no", "14") are words any prompt may hold by chance.
      guard bare.count >= 3, bare.contains(where: \.isLetter) else { continue }
      if probe.mentions(bare) { return answer }
    }
    return nil
  }

  func isTheSubject(_ answer: String) -> Bool {
    let words = English.words(of: English.folded(answer))
    let specific = words.filter { !Self.genericWords.contains($0) }
    guard !specific.isEmpty else { return false }
    let phrase = specific.joined(separator: " ")
    if subjectNames.contains(phrase) || subjectNames.contains(words.joined(separator: " ")) {
      return true
    }
    return Self.contains(titleWords, run: specific)
  }

  /// Whether `run` appears in `words` as consecutive words (the title as words, not as text:
  /// a substring search bridged to NSString for every answer).
  static func contains(_ words: [String], run: [String]) -> Bool {
    guard let first = run.first, run.count <= words.count else { return run.isEmpty }
    for start in 0...(words.count - run.count) where words[start] == first {
      if words[start..<(start + run.count)].elementsEqual(run) { return true }
    }
    return false
  }

  /// Two options the same after folding, or one the other plus generic words or an article.
  static func duplicatePair(_ options: [String]) -> (String, String)? {
    let keys = options.map { option -> (String, Set<String>) in
      let words = English.words(of: English.folded(option))
      let core = words.filter { !genericWords.contains($0) }
      return (core.joined(separator: " "), DeckIndex.contentWords(option))
    }
    for first in options.indices {
      for second in options.indices where second > first {
        if keys[first].0 == keys[second].0 { return (options[first], options[second]) }
        // Long options that share most of their words differ by a name at most.
        let (lhs, rhs) = (keys[first].1, keys[second].1)
        let shared = lhs.intersection(rhs).count
        let union = lhs.union(rhs).count
        if min(lhs.count, rhs.count) >= 4, union > 0, Double(shared) / Double(union) >= 0.6 {
          return (options[first], options[second])
        }
      }
    }
    return nil
  }

  private func alsoTrueOption(_ question: Question, right: Int, dates: ParsedDates) -> String? {
    guard question.options.indices.contains(right) else { return nil }
    let answer = question.options[right]
    let wrong = question.options.enumerated().filter { $0.offset != right }.map(\.element)
    if let names = namesByFact[question.fact], names.contains(English.folded(answer)) {
      if let alias = wrong.first(where: { names.contains(English.folded($0)) }) { return alias }
    }
    if let value = NumberValue.parse(answer) {
      for option in wrong {
        if let other = NumberValue.parse(option), Self.mayBothHold(value, other) { return option }
      }
      return nil
    }
    if answer.contains(where: \.isLetter), let date = dates.date(answer) {
      for option in wrong {
        if let other = dates.date(option), !other.isDisjoint(from: date) {
          return option
        }
      }
    }
    return nil
  }

  /// Whether a figure stated as `other` could be true when `value` is: a bound is met by every
  /// figure on its side ("over 100" makes "over 50" true and leaves "150" possible).
  static func mayBothHold(_ value: NumberValue, _ other: NumberValue) -> Bool {
    func interval(_ number: NumberValue) -> ClosedRange<Double> {
      switch number.qualifier {
      case .over, .atLeast: number.low...Double.greatestFiniteMagnitude
      case .under, .atMost: -Double.greatestFiniteMagnitude...number.high
      case .exact, .about: number.acceptedRange
      }
    }
    return interval(value).overlaps(interval(other))
  }

  private static let possessives: Set<String> = ["its", "their", "his", "her", "our", "my"]
  private static let copulas: Set<String> = [
    "is", "are", "was", "were", "remain", "remains", "remained", "seemed", "seem", "became",
    "become", "stayed", "proved",
  ]

  /// Why the blank gives the learner nothing to go on, or nil when it does.
  static func missingCue(
    _ prompt: String, answers: [String], promptWords: Set<String>? = nil
  ) -> String? {
    guard let range = Self.blankRange(in: prompt) else { return nil }
    let before = English.words(of: String(prompt[..<range.lowerBound]))
    let rest = prompt[range.upperBound...]
    // What follows the blank, without the spaces around it (as Foundation's trimming of
    // `.whitespaces`, without its copy through NSString).
    let endsThere: Bool
    if let first = rest.firstIndex(where: { !isBlankSpace($0) }),
      let last = rest.lastIndex(where: { !isBlankSpace($0) })
    {
      endsThere = rest[first...last].allSatisfy { ".?!;:)".contains($0) }
    } else {
      endsThere = true
    }
    let answer = answers.first ?? ""
    let isName = answer.first?.isUppercase == true || answer.contains(where: \.isNumber)
    let previous = before.last ?? ""
    let possessive =
      possessives.contains(previous) || prompt[..<range.lowerBound].hasSuffix("'s ")
      || prompt[..<range.lowerBound].hasSuffix("’s ")
    if possessive && endsThere {
      return "the blank closes the sentence after a possessive, which says nothing of what it is"
    }
    if copulas.contains(previous) && !isName && endsThere {
      return "the blank is a describing word after \"\(previous)\"; many words would fit"
    }
    // The blank's underscores split words as a space would, so the prompt's own content words
    // are those around the blank (and the repeat check has them already).
    let context = promptWords ?? DeckIndex.contentWords(prompt)
    if context.count < 2 { return "the sentence around the blank is too short to point anywhere" }
    return nil
  }

  /// The first blank (`_____`) in `text`, found in its bytes: both Foundation's search and
  /// the standard library's generic one cost more than the rest of the blank rule.
  static func blankRange(in text: String) -> Range<String.Index>? {
    let utf8 = text.utf8
    let underscore = UInt8(ascii: "_")
    let length = English.blank.utf8.count
    var run = 0
    var index = utf8.startIndex
    while index != utf8.endIndex {
      run = utf8[index] == underscore ? run + 1 : 0
      utf8.formIndex(after: &index)
      if run == length { return utf8.index(index, offsetBy: -length)..<index }
    }
    return nil
  }

  /// Spaces and tabs, as `CharacterSet.whitespaces` has them.
  static func isBlankSpace(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1
    else { return false }
    return scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
  }

  static func withoutArticle(_ text: String) -> String {
    text.lowercased().hasPrefix("the ") ? String(text.dropFirst(4)) : text
  }
}

/// Finds a question that asks what an earlier one already asked: the same answer, and prompts
/// that share most of their content words. Each answer keeps only its last few prompts, so the
/// search stays linear in the number of questions.
struct RepeatFinder {
  private struct Seen {
    var id: String
    var words: Set<String>
  }
  private var byKey: [String: [Seen]] = [:]
  static let similarity = 0.5
  static let remembered = 12

  mutating func earlierCopy(of question: Question, words: Set<String>? = nil) -> String? {
    guard question.template != .card, let key = Self.key(of: question) else { return nil }
    let words = words ?? DeckIndex.contentWords(question.prompt)
    let earlier = byKey[key, default: []]
    for seen in earlier.reversed() {
      let shared = seen.words.intersection(words).count
      let union = seen.words.count + words.count - shared
      if union == 0 || Double(shared) / Double(union) >= Self.similarity { return seen.id }
    }
    var list = earlier
    if list.count >= Self.remembered { list.removeFirst() }
    list.append(Seen(id: question.id, words: words))
    byKey[key] = list
    return nil
  }

  /// Questions are compared within their form (typed, choice, statement) and answer.
  static func key(of question: Question) -> String? {
    guard question.template != .card else { return nil }
    switch (question.kind, question.expected) {
    case (.order, _), (.match, _): return nil
    case (.truefalse, _):
      // A statement and its altered twin differ in one name; the first name they share with
      // another statement's prompt is the bucket.
      return nil
    case (.choice, .choice(let index)):
      guard question.options.indices.contains(index) else { return nil }
      return "choice|" + English.folded(question.options[index])
    case (_, .text(let answers)):
      return "typed|" + English.folded(answers.first ?? "")
    case (_, .number(let value)):
      return "typed|" + value.description
    case (_, .date(let date)):
      return "typed|" + date.formatted
    default:
      return nil
    }
  }
}
