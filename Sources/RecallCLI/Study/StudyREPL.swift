import Foundation
import LineEditing
import RecallKit

/// The study loop: shows a question, reads an answer or a command, shows feedback, and lets
/// the learner change the rating before moving on. Reads through any `LineReader`, so it runs
/// the same on a terminal, a pipe, or a scripted reader in tests.
struct StudyREPL {
  static let commands = [
    ":again", ":easy", ":good", ":hard", ":help", ":hint", ":quit", ":skip", ":stats", ":undo",
  ]

  let session: StudySession
  let reader: LineReader
  let console: Console
  let text: TerminalText
  let clock: () -> Date

  private var style: TerminalStyle { text.style }

  /// Runs until the queue is empty, `:quit`, or end of input.
  func run() throws(ProgressError) {
    header()
    var pending: (question: Question, kind: StudyQueue.Kind)?
    // The kind of the last answered card, so an undone card is asked again as what it was
    // (an undone "ahead" card must stay ahead, or answering it again would reschedule it).
    var lastKind: StudyQueue.Kind = .review
    var number = 0
    loop: while true {
      guard let (question, kind) = pending ?? session.next() else { break }
      pending = nil
      number += 1
      show(question, number: number, kind: kind, hidden: [])
      let started = clock()
      var hintUsed = false
      var hidden: Set<Int> = []
      answering: while true {
        switch reader.readLine(prompt: style.bold("> ")) {
        case .endOfInput:
          break loop
        case .interrupted:
          continue answering
        case .line(let raw):
          let input = raw.trimmingCharacters(in: .whitespaces)
          if !input.isEmpty { reader.addHistory(input) }
          switch input.lowercased() {
          case ":quit", ":q":
            break loop
          case ":help", ":h", "?":
            help()
          case ":stats":
            stats()
          case ":skip":
            session.skip(question)
            console.line(style.dim("skipped; it stays due for next time"))
            continue loop
          case ":undo":
            if let previous = try undo() {
              pending = (previous, lastKind)
              number -= 1
              continue loop
            }
            console.line(style.dim("nothing to undo"))
          case ":hint":
            switch Hint.make(for: question, seed: session.options.seed) {
            case .clue(let clue)?:
              hintUsed = true
              console.line(style.yellow("hint: \(clue)"))
            case .remainingOptions(let remaining)?:
              hintUsed = true
              hidden = Set(question.options.indices).subtracting(remaining)
              let letters = hidden.sorted().map(QuestionPresentation.letter)
              console.line(
                style.yellow("hint: \(letters.joined(separator: " and ")) ruled out"))
              showOptions(QuestionPresentation(question, hiddenOptions: hidden))
            case nil:
              console.line(style.dim("no hint for this question"))
            }
          case "":
            console.line(style.dim("type your answer, or :help"))
          default:
            if input.hasPrefix(":") {
              console.line("unknown command \(input); type :help for the list")
              continue answering
            }
            let milliseconds = max(0, Int(clock().timeIntervalSince(started) * 1000))
            switch try session.answer(
              input, to: question, kind: kind, milliseconds: milliseconds, hintUsed: hintUsed)
            {
            case .invalid(let reason):
              console.line(style.yellow(text.render(reason)))
            case .answered(let feedback):
              lastKind = kind
              show(feedback)
              switch try confirmRating(feedback) {
              case .next:
                break
              case .quit:
                break loop
              case .undo(let previous):
                pending = (previous, kind)
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

  private func header() {
    let queue = session.queue()
    let counts = Dictionary(grouping: queue.entries, by: \.kind).mapValues(\.count)
    let limits = session.options.limits
    console.line(style.bold(text.render(session.deck.title)))
    var parts = [
      "\(counts[.learning, default: 0] + counts[.review, default: 0]) due",
      "\(counts[.new, default: 0]) new",
    ]
    if let ahead = counts[.ahead] { parts.append("\(ahead) to study ahead") }
    parts.append("limits \(limits.newPerDay) new and \(limits.reviewsPerDay) reviews a day")
    console.line(style.dim(parts.joined(separator: " · ")))
    console.line(style.dim("type an answer and press Enter; :help lists the commands"))
  }

  private func show(
    _ question: Question, number: Int, kind: StudyQueue.Kind, hidden: Set<Int>
  ) {
    let presentation = QuestionPresentation(question, hiddenOptions: hidden)
    let label = kind == .new ? "new" : kind == .ahead ? "ahead" : kind.rawValue
    // A blank line sets each card apart from the feedback of the one before.
    console.line()
    console.line(style.dim("\(number). \(question.kind.rawValue) · \(label)"))
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

  private func show(_ feedback: StudySession.Feedback) {
    let grade = feedback.grade
    let shown = Self.shownAnswer(feedback.question, grade: grade)
    switch grade.verdict {
    case .correct:
      console.line(verdictLine("✓ correct", colour: style.green, shown))
    case .acceptedWithTypo:
      console.line(verdictLine("✓ accepted", colour: style.green, "the spelling is \(shown)"))
    case .partiallyCorrect:
      console.line(verdictLine("≈ nearly", colour: style.yellow, "the answer is \(shown)"))
    case .wrong:
      console.line(verdictLine("✗ not quite", colour: style.red, "the answer is \(shown)"))
    }
    // A note that only says the answer again ("close, but the answer is …") is left out.
    if let note = grade.note, !(note.contains("the answer is") && note.contains(grade.shown)) {
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
    return "rated \(feedback.rating.name); next review \(Self.describe(state.due, from: clock()))"
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
    case undo(Question)
  }

  /// Takes back the last answer and says so; nil when there is nothing to undo.
  private func undo() throws(ProgressError) -> Question? {
    guard let previous = try session.undo() else { return nil }
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

  /// After feedback: Enter keeps the rating, `:again`…`:easy` or 1–4 change it, `:undo` takes
  /// the answer back.
  private func confirmRating(
    _ feedback: StudySession.Feedback
  ) throws(ProgressError) -> AfterFeedback {
    var current = feedback
    while true {
      let prompt = style.dim(Self.ratingPrompt(keeping: current.rating, width: text.width))
      switch reader.readLine(prompt: prompt) {
      case .endOfInput:
        return .quit
      case .interrupted:
        continue
      case .line(let raw):
        let input = raw.trimmingCharacters(in: .whitespaces).lowercased()
        // Not added to the history: Up should bring back answers, not ratings.
        if input.isEmpty { return .next }
        switch input {
        case ":quit", ":q":
          return .quit
        case ":undo":
          if let previous = try undo() { return .undo(previous) }
          return .next
        case ":help", ":h", "?":
          help()
          continue
        default:
          break
        }
        let name = input.hasPrefix(":") ? String(input.dropFirst()) : input
        if let rating = Rating(name: name) {
          if let changed = try session.changeLastRating(to: rating) { current = changed }
          console.line(style.dim(nextReview(current)))
          return .next
        }
        console.line(
          style.dim("press Enter to keep \(current.rating.name), 1–4 to rate, or :undo"))
      }
    }
  }

  private func help() {
    let commands = [
      (":hint", "a clue (first letter, year) or two wrong options ruled out"),
      (":skip", "leave this card for next time"),
      (":undo", "take back the last answer (also on disk); works at the rating prompt too"),
      (":stats", "this session so far"),
      (":quit", "save and stop (Ctrl-D too); Ctrl-C clears the line"),
    ]
    console.line(
      text.render(
        "Answer by typing; for options type the letter or the text, for true/false t or f."))
    for (name, meaning) in commands {
      let label = "  " + name.padding(toLength: 8, withPad: " ", startingAt: 0)
      console.line(text.render(meaning, initialIndent: label, subsequentIndent: "          "))
    }
    console.line(
      text.render(
        "After an answer, Enter keeps the rating shown, 1–4 (or :again :hard :good :easy) "
          + "changes it, and :undo takes the answer back."))
  }

  private func stats() {
    let summary = session.summary
    let accuracy = summary.accuracy.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    let remaining = session.queue().entries.count
    console.line(
      style.dim("\(summary.reviewed) answered, \(accuracy) right, \(remaining) left in the queue"))
  }

  private func summary() {
    let summary = session.summary
    console.line()
    console.line(style.bold("Session over"))
    let accuracy = summary.accuracy.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    let minutes = summary.milliseconds / 60_000
    let seconds = (summary.milliseconds / 1000) % 60
    console.line(
      "reviewed \(summary.reviewed) · accuracy \(accuracy) · time \(minutes)m \(seconds)s")
    let ahead = session.dueAhead(days: 7)
    console.line("due tomorrow: \(ahead.first ?? 0) · next 7 days: \(ahead.reduce(0, +))")
  }
}
