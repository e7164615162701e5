import Foundation
import LineEditing
import RecallKit

/// The study loop: shows a question, reads an answer or a command, shows feedback, and lets
/// the learner change the rating before moving on. Reads through any `LineReader`, so it runs
/// the same on a terminal, a pipe, or a scripted reader in tests.
struct StudyREPL {
  let collection: StudyCollection
  let reader: LineReader
  let console: Console
  /// Width and colour, read again at every use: after the terminal is resized (SIGWINCH),
  /// the next line wraps at the new width.
  let terminal: () -> TerminalText
  let clock: () -> Date
  /// Told which prompt is reading, so Tab offers what that prompt accepts.
  var prompts = StudyPromptTracker()

  private var text: TerminalText { terminal() }
  private var style: TerminalStyle { text.style }

  /// Reads a line at `prompt`, telling the Tab completer where it is.
  private func read(_ prompt: StudyPrompt, showing shown: String) -> LineInput {
    prompts.prompt = prompt
    return reader.readLine(prompt: shown)
  }

  /// Runs until the queue is empty, `:quit`, or end of input.
  func run() throws(ProgressError) {
    header()
    // An undone card, asked again as what it was (an undone "ahead" card must stay ahead,
    // or answering it again would reschedule it).
    var pending: StudyCollection.Card?
    // The last card answered, for :again at the answer prompt.
    var lastAnswered: StudyCollection.Card?
    var number = 0
    loop: while true {
      guard let card = pending ?? collection.next() else { break }
      let question = card.question
      pending = nil
      number += 1
      show(card, number: number, hidden: [])
      let started = clock()
      var hintUsed = false
      var hidden: Set<Int> = []
      // An empty line is asked about once; a second in a row gives up on the card.
      var emptyOnce = false
      answering: while true {
        switch read(.answer, showing: style.bold("> ")) {
        case .endOfInput:
          break loop
        case .interrupted:
          continue answering
        case .line(let raw):
          let input = raw.trimmingCharacters(in: .whitespaces)
          if !input.isEmpty { reader.addHistory(input) }
          defer { emptyOnce = input.isEmpty }
          switch StudyCommandTable.parse(input, at: .answer) {
          case .elsewhere(let command):
            console.line(style.dim("\(command.name) works after an answer, at the rating prompt"))
          case .unknown(let word):
            console.line("unknown command \(TextSanitizer.visible(word)); type :help for the list")
          case .command(let command, let argument):
            switch command.action {
            case .quit:
              break loop
            case .help:
              help(at: .answer)
            case .suspend:
              try suspend(card)
              continue loop
            case .bury:
              try bury(card)
              continue loop
            case .flag:
              try flag(card, note: argument)
            case .stats:
              stats()
            case .skip:
              collection.skip(card)
              console.line(style.dim("skipped; it stays due for next time"))
              continue loop
            case .undo:
              if let previous = try undo() {
                pending = previous
                // Neither this card nor the undone one counts now: the undone one is asked
                // again under its own number.
                number -= 2
                continue loop
              }
              console.line(style.dim("nothing to undo"))
            case .hint:
              hintUsed = hint(for: question, hidden: &hidden) || hintUsed
            case .fact:
              showFact(of: card)
            case .explainAgain:
              if let lastAnswered {
                console.line(text.render(lastAnswered.question.explanation))
              } else {
                console.line(style.dim("no card answered yet in this session"))
              }
            case .rate:
              break
            }
          case .text(let answer):
            if answer.isEmpty && !emptyOnce {
              console.line(
                style.dim(
                  text.render("no answer — press Enter again to see it, or type your answer")))
              continue answering
            }
            let milliseconds = max(0, Int(clock().timeIntervalSince(started) * 1000))
            let outcome =
              answer.isEmpty
              ? .answered(try collection.answerNothing(to: card, milliseconds: milliseconds))
              : try collection.answer(
                answer, to: card, milliseconds: milliseconds, hintUsed: hintUsed)
            switch outcome {
            case .invalid(let reason):
              console.line(style.yellow(text.render(reason)))
            case .answered(let feedback):
              lastAnswered = card
              show(feedback, unanswered: answer.isEmpty)
              switch try confirmRating(feedback, of: card) {
              case .next:
                break
              case .quit:
                break loop
              case .undo(let previous):
                pending = previous
                lastAnswered = nil
                number -= 1
              }
              continue loop
            }
          }
        }
      }
    }
    summary()
  }

  /// Gives a hint and says whether one was given.
  private func hint(for question: Question, hidden: inout Set<Int>) -> Bool {
    switch Hint.make(for: question, seed: collection.seed) {
    case .clue(let clue)?:
      console.line(style.yellow("hint: \(clue)"))
      return true
    case .remainingOptions(let remaining)?:
      hidden = Set(question.options.indices).subtracting(remaining)
      let letters = hidden.sorted().map(QuestionPresentation.letter)
      console.line(style.yellow("hint: \(letters.joined(separator: " and ")) ruled out"))
      showOptions(QuestionPresentation(question, hiddenOptions: hidden))
      return true
    case nil:
      console.line(style.dim("no hint for this question"))
      return false
    }
  }

  /// The whole fact behind `question`, field by field, with its note and source.
  private func showFact(of card: StudyCollection.Card) {
    let question = card.question
    guard let sheet = FactSheet(for: question, in: collection.sessions[card.deck].deck) else {
      console.line(style.dim("this is a hand-written card; it has no fact behind it"))
      console.line(text.render(question.explanation))
      return
    }
    console.line(style.bold(text.render(sheet.title)))
    let width = min(14, (sheet.fields.map(\.label.count).max() ?? 0) + 2)
    let indent = String(repeating: " ", count: width + 2)
    for field in sheet.fields {
      let label = "  " + (field.label + ":").padding(toLength: width, withPad: " ", startingAt: 0)
      console.line(text.render(field.value, initialIndent: label, subsequentIndent: indent))
    }
    if let note = sheet.note { console.line(text.render("Note: \(note)")) }
    console.line(style.dim(text.render("Source: \(sheet.source)")))
  }

  /// The deck (or the decks), what there is to study, and the limits. Wrapped like any
  /// text, so a narrow terminal does not cut it mid-word.
  private func header() {
    let counts = collection.counts()
    let (suspended, buried) = collection.setAside()
    if collection.isSeveralDecks {
      let count = collection.sessions.count
      console.line(style.bold(text.render("\(count) \(count == 1 ? "deck" : "decks")")))
      for session in collection.sessions {
        let own = Dictionary(grouping: session.queue().entries, by: \.kind).mapValues(\.count)
        console.line(
          style.dim(
            text.render(
              "\(own[.learning, default: 0] + own[.review, default: 0]) due · "
                + "\(own[.new, default: 0]) new · \(session.deck.title)",
              initialIndent: "  \(session.deck.id): ", subsequentIndent: "    ")))
      }
    } else if let session = collection.sessions.first {
      console.line(style.bold(text.render(session.deck.title)))
    }
    var parts = [
      "\(counts[.learning, default: 0] + counts[.review, default: 0]) due",
      "\(counts[.new, default: 0]) new",
    ]
    if let ahead = counts[.ahead] { parts.append("\(ahead) to study ahead") }
    if suspended > 0 { parts.append("\(suspended) suspended") }
    if buried > 0 { parts.append("\(buried) buried") }
    if collection.isSeveralDecks {
      let caps = [
        collection.options.newCards.map { "\($0) new" },
        collection.options.reviews.map { "\($0) reviews" },
      ].compactMap { $0 }
      parts.append(
        caps.isEmpty
          ? "each deck's own limits"
          : "each deck's own limits, and \(caps.joined(separator: " and ")) a day in all")
    } else if let limits = collection.sessions.first?.options.limits {
      parts.append("limits \(limits.newPerDay) new and \(limits.reviewsPerDay) reviews a day")
    }
    if let minutes = collection.options.timeLimit.map({ Int(($0 / 60).rounded()) }) {
      parts.append("\(minutes) \(minutes == 1 ? "minute" : "minutes")")
    }
    console.line(style.dim(text.render(parts.joined(separator: " · "))))
    console.line(style.dim(text.render("type an answer and press Enter; :help lists the commands")))
  }

  private func show(_ card: StudyCollection.Card, number: Int, hidden: Set<Int>) {
    let question = card.question
    let session = collection.sessions[card.deck]
    let presentation = QuestionPresentation(question, hiddenOptions: hidden)
    let label =
      card.kind == .learning && session.phase(of: question) == .relearning
      ? "relearning" : card.kind.rawValue
    // Over several decks, each card says which one it is from.
    let deck = collection.isSeveralDecks ? " · \(session.deck.id)" : ""
    // A blank line sets each card apart from the feedback of the one before.
    console.line()
    console.line(style.dim("\(number). \(question.kind.rawValue) · \(label)\(deck)"))
    // A learning step shown before it is due (only learning cards are left) says how early.
    if card.kind == .learning, let due = session.dueLater(question) {
      console.line(style.dim("(early: due \(Self.describe(due, from: clock())))"))
    }
    console.line(text.render(presentation.prompt))
    showOptions(presentation)
  }

  private func showOptions(_ presentation: QuestionPresentation) {
    // Options are "  a) text": the wrapper keeps the two leading spaces on every line, so
    // three more put wrapped lines under the text, past "a) ".
    for option in presentation.options {
      console.line(text.render(option, subsequentIndent: "   "))
    }
    if let instruction = presentation.instruction {
      console.line(style.dim(text.render(instruction)))
    }
  }

  /// "✗ not quite — the answer is …", wrapped as one line so the label counts towards the
  /// width, with only the label coloured.
  private func verdictLine(_ label: String, colour: (String) -> String, _ rest: String) -> String {
    let rendered = text.render("\(label) — \(rest)")
    guard rendered.hasPrefix(label) else { return rendered }
    return colour(label) + rendered.dropFirst(label.count)
  }

  private func show(_ feedback: StudySession.Feedback, unanswered: Bool) {
    let grade = feedback.grade
    let shown = Self.shownAnswer(feedback.question, grade: grade)
    switch grade.verdict {
    case .wrong where unanswered:
      console.line(verdictLine("✗ no answer", colour: style.red, "the answer is \(shown)"))
    case .correct:
      console.line(verdictLine("✓ correct", colour: style.green, shown))
    case .acceptedWithTypo:
      console.line(
        verdictLine("✓ accepted as a typo", colour: style.green, "it is spelled \(shown)"))
    case .partiallyCorrect:
      console.line(verdictLine("≈ nearly", colour: style.yellow, "the answer is \(shown)"))
    case .wrong:
      // "Not quite" only when the grader saw something close (a note says what); a plainly
      // wrong answer, a wrong letter or a wrong true/false, is called wrong.
      let close = grade.note != nil && ![.truefalse, .choice].contains(feedback.question.kind)
      console.line(
        verdictLine(close ? "✗ not quite" : "✗ wrong", colour: style.red, "the answer is \(shown)"))
    }
    // A note that only says the answer again ("close, but the answer is …") is left out, and
    // so is the typo note the verdict line already gives.
    if let note = grade.note, !(note.contains("the answer is") && note.contains(grade.shown)),
      grade.verdict != .acceptedWithTypo || !note.hasPrefix("accepted as a typo")
    {
      console.line(style.dim(text.render(note)))
    }
    console.line(text.render(feedback.question.explanation))
    console.line(style.dim(nextReview(feedback)))
  }

  /// The answer as the learner would type it. For order and match that is the letters
  /// alone ("d a c b", "1c 2a 3b"): the explanation printed next already lists the items in
  /// words, so the grader's longer form would say everything twice.
  static func shownAnswer(_ question: Question, grade: Grade) -> String {
    switch question.expected {
    case .order(let order):
      order.map(QuestionPresentation.letter).joined(separator: " ")
    case .match(let match):
      match.enumerated().map { "\($0.offset + 1)\(QuestionPresentation.letter($0.element))" }
        .joined(separator: " ")
    default:
      grade.shown
    }
  }

  private func nextReview(_ feedback: StudySession.Feedback) -> String {
    guard let state = feedback.state else {
      return "rated \(feedback.rating.name); studied ahead, so its schedule is unchanged"
    }
    let when = Self.describe(state.due, from: clock())
    guard collection.showsEarly(dueAt: state.due) else {
      return "rated \(feedback.rating.name); next review \(when)"
    }
    return "rated \(feedback.rating.name); due \(when), but nothing else is left, so this "
      + "session asks it again early"
  }

  /// "in 10 minutes", "in 4 days": when a card is next due, as a learner thinks of it.
  static func describe(_ due: Date, from now: Date) -> String {
    let seconds = max(0, due.timeIntervalSince(now))
    func plural(_ value: Int, _ unit: String) -> String {
      "in \(value) \(unit)\(value == 1 ? "" : "s")"
    }
    switch seconds {
    case ..<60: return "in under a minute"
    case ..<3600: return plural(Int((seconds / 60).rounded()), "minute")
    case ..<86_400: return plural(Int((seconds / 3600).rounded()), "hour")
    default: return plural(Int((seconds / 86_400).rounded()), "day")
    }
  }

  /// What the learner chose at the rating prompt.
  private enum AfterFeedback {
    case next, quit
    /// The answer was taken back; ask this question again.
    case undo(StudyCollection.Card)
  }

  /// Suspends the card and says how to bring it back.
  private func suspend(_ card: StudyCollection.Card) throws(ProgressError) {
    try collection.suspend(card)
    console.line(
      style.dim(
        text.render(
          "suspended; no session shows it until `recall unsuspend "
            + "\(collection.sessions[card.deck].deck.id) \(card.question.id)`")))
  }

  private func bury(_ card: StudyCollection.Card) throws(ProgressError) {
    try collection.bury(card)
    console.line(style.dim("buried; it comes back when the study day ends"))
  }

  private func flag(_ card: StudyCollection.Card, note: String) throws(ProgressError) {
    try collection.flag(card, note: note.isEmpty ? nil : note)
    console.line(
      style.dim(
        note.isEmpty
          ? "flagged as wrong; `recall stats` lists it (`:flag what is wrong` adds a note)"
          : "flagged as wrong, with your note; `recall stats` lists it"))
  }

  /// Takes back the last answer and says so; nil when there is nothing to undo.
  private func undo() throws(ProgressError) -> StudyCollection.Card? {
    guard let previous = try collection.undo() else { return nil }
    console.line(style.yellow("undone; that answer is no longer saved, so answer it again"))
    return previous
  }

  /// The prompt after feedback names the rating Enter keeps, so the learner sees what will
  /// be saved without reading back up the screen.
  /// On a narrow terminal the ratings are not spelled out, so the prompt stays on one row
  /// (libedit would otherwise break it mid-word).
  static func ratingPrompt(keeping rating: Rating, width: Int = 80) -> String {
    let full = "Enter keeps \(rating.name) · or 1 again  2 hard  3 good  4 easy · :undo › "
    return full.count < width ? full : "Enter keeps \(rating.name) · 1–4 rates · :undo › "
  }

  /// After feedback: Enter keeps the rating, a rating (1–4, `:again`…`:easy`) changes it,
  /// `:undo` takes the answer back; the other commands of the table work on the card just
  /// answered.
  private func confirmRating(
    _ feedback: StudySession.Feedback, of card: StudyCollection.Card
  ) throws(ProgressError) -> AfterFeedback {
    var current = feedback
    while true {
      let prompt = style.dim(Self.ratingPrompt(keeping: current.rating, width: text.width))
      switch read(.rating, showing: prompt) {
      case .endOfInput:
        return .quit
      case .interrupted:
        continue
      case .line(let raw):
        // Not added to the history: Up should bring back answers, not ratings.
        let input = raw.trimmingCharacters(in: .whitespaces)
        if input.isEmpty { return .next }
        switch StudyCommandTable.parse(input, at: .rating) {
        case .command(let command, let argument):
          switch command.action {
          case .quit:
            return .quit
          case .undo:
            if let previous = try undo() { return .undo(previous) }
            return .next
          case .help:
            help(at: .rating)
          case .stats:
            stats()
          case .fact:
            showFact(of: card)
          case .explainAgain:
            console.line(text.render(current.question.explanation))
          case .rate(let rating):
            if let changed = try collection.changeLastRating(to: rating) { current = changed }
            console.line(style.dim(nextReview(current)))
            return .next
          case .suspend:
            try suspend(card)
          case .bury:
            try bury(card)
          case .flag:
            try flag(card, note: argument)
          case .skip, .hint:
            break
          }
        case .elsewhere(let command):
          console.line(style.dim("\(command.name) works at the answer prompt, before an answer"))
        case .unknown, .text:
          console.line(
            style.dim("press Enter to keep \(current.rating.name), 1–4 to rate, or :undo"))
        }
      }
    }
  }

  /// The commands valid at `prompt`, from the table, with what each does.
  private func help(at prompt: StudyPrompt) {
    switch prompt {
    case .answer:
      console.line(
        text.render(
          "Answer by typing; for options type the letter or the text, for true/false t or f."))
    case .rating:
      console.line(
        text.render(
          "Enter keeps the rating shown; 1–4 (or :again :hard :good :easy) changes it."))
    }
    let commands = StudyCommandTable.commands(at: prompt).filter {
      if case .rate = $0.action { return false }
      return true
    }
    for command in commands {
      let name = command.argument.map { "\(command.name) \($0)" } ?? command.name
      let label = "  " + name.padding(toLength: 16, withPad: " ", startingAt: 0)
      console.line(
        text.render(
          command.help, initialIndent: label, subsequentIndent: String(repeating: " ", count: 18)))
    }
  }

  private func stats() {
    let summary = collection.summary
    let accuracy = summary.accuracy.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    console.line(
      style.dim(
        "\(summary.reviewed) answered, \(accuracy) right, \(collection.remaining()) left in "
          + "the queue, \(collection.dueLaterToday()) due later today"))
  }

  private func summary() {
    let summary = collection.summary
    console.line()
    switch collection.ending {
    case .timeLimit(let limit):
      let minutes = Int((limit / 60).rounded())
      console.line(
        style.bold("Session over: \(minutes) \(minutes == 1 ? "minute" : "minutes") are up"))
    case .sessionLimit(let cap):
      console.line(style.bold("Session over: \(cap) \(cap == 1 ? "card" : "cards"), the limit"))
    case .queueEmpty:
      console.line(style.bold("Session over"))
    }
    let accuracy = summary.accuracy.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    let minutes = summary.milliseconds / 60_000
    let seconds = (summary.milliseconds / 1000) % 60
    console.line(
      "reviewed \(summary.reviewed) · accuracy \(accuracy) · time \(minutes)m \(seconds)s")
    let ahead = collection.dueAhead(days: 7)
    console.line(
      "due later today: \(collection.dueLaterToday()) · due tomorrow: \(ahead.first ?? 0) · "
        + "next 7 days: \(ahead.reduce(0, +))")
    misses()
  }

  /// The cards missed in this session, each with the answer to learn (in words, since the
  /// options are no longer on the screen).
  private func misses() {
    let misses = collection.misses
    guard !misses.isEmpty else { return }
    console.line("missed in this session (\(misses.count)):")
    for miss in misses {
      let deck = collection.isSeveralDecks ? "\(collection.sessions[miss.deck].deck.id): " : ""
      console.line(
        text.render(deck + miss.question.prompt, initialIndent: "  ", subsequentIndent: "    "))
      console.line(
        style.dim(
          text.render(miss.grade.shown, initialIndent: "    → ", subsequentIndent: "      ")))
    }
  }
}
