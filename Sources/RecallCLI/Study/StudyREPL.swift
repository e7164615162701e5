import Foundation
import LineEditing
import RecallKit

/// The study loop: shows a question, reads an answer or a command, shows feedback, and lets
/// the learner change the rating before moving on. Reads through any `LineReader`, so it runs
/// the same on a terminal, a pipe, or a scripted reader in tests.
struct StudyREPL {
  let session: StudySession
  let reader: LineReader
  let console: Console
  let text: TerminalText
  let clock: () -> Date
  /// Told which prompt is reading, so Tab offers what that prompt accepts.
  var prompts = StudyPromptTracker()

  private var style: TerminalStyle { text.style }

  /// Reads a line at `prompt`, telling the Tab completer where it is.
  private func read(_ prompt: StudyPrompt, showing shown: String) -> LineInput {
    prompts.prompt = prompt
    return reader.readLine(prompt: shown)
  }

  /// Runs until the queue is empty, `:quit`, or end of input.
  func run() throws(ProgressError) {
    header()
    var pending: (question: Question, kind: StudyQueue.Kind)?
    // The kind of the last answered card, so an undone card is asked again as what it was
    // (an undone "ahead" card must stay ahead, or answering it again would reschedule it).
    var lastKind: StudyQueue.Kind = .review
    // The last card answered, for :again at the answer prompt.
    var lastAnswered: Question?
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
        switch read(.answer, showing: style.bold("> ")) {
        case .endOfInput:
          break loop
        case .interrupted:
          continue answering
        case .line(let raw):
          let input = raw.trimmingCharacters(in: .whitespaces)
          if !input.isEmpty { reader.addHistory(input) }
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
              try suspend(question)
              continue loop
            case .bury:
              try bury(question)
              continue loop
            case .flag:
              try flag(question, note: argument)
            case .stats:
              stats()
            case .skip:
              session.skip(question)
              console.line(style.dim("skipped; it stays due for next time"))
              continue loop
            case .undo:
              if let previous = try undo() {
                pending = (previous, lastKind)
                // Neither this card nor the undone one counts now: the undone one is asked
                // again under its own number.
                number -= 2
                continue loop
              }
              console.line(style.dim("nothing to undo"))
            case .hint:
              hintUsed = hint(for: question, hidden: &hidden) || hintUsed
            case .fact:
              showFact(of: question)
            case .explainAgain:
              if let lastAnswered {
                console.line(text.render(lastAnswered.explanation))
              } else {
                console.line(style.dim("no card answered yet in this session"))
              }
            case .rate:
              break
            }
          case .text(let answer):
            if answer.isEmpty {
              console.line(style.dim("type your answer, or :help"))
              continue answering
            }
            let milliseconds = max(0, Int(clock().timeIntervalSince(started) * 1000))
            switch try session.answer(
              answer, to: question, kind: kind, milliseconds: milliseconds, hintUsed: hintUsed)
            {
            case .invalid(let reason):
              console.line(style.yellow(text.render(reason)))
            case .answered(let feedback):
              lastKind = kind
              lastAnswered = question
              show(feedback)
              switch try confirmRating(feedback) {
              case .next:
                break
              case .quit:
                break loop
              case .undo(let previous):
                pending = (previous, kind)
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
    switch Hint.make(for: question, seed: session.options.seed) {
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
  private func showFact(of question: Question) {
    guard let sheet = FactSheet(for: question, in: session.deck) else {
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
    if queue.suspended > 0 { parts.append("\(queue.suspended) suspended") }
    if queue.buried > 0 { parts.append("\(queue.buried) buried") }
    parts.append("limits \(limits.newPerDay) new and \(limits.reviewsPerDay) reviews a day")
    console.line(style.dim(parts.joined(separator: " · ")))
    console.line(style.dim("type an answer and press Enter; :help lists the commands"))
  }

  private func show(
    _ question: Question, number: Int, kind: StudyQueue.Kind, hidden: Set<Int>
  ) {
    let presentation = QuestionPresentation(question, hiddenOptions: hidden)
    let label =
      kind == .learning && session.phase(of: question) == .relearning
      ? "relearning" : kind.rawValue
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

  /// Suspends the card and says how to bring it back.
  private func suspend(_ question: Question) throws(ProgressError) {
    try session.suspend(question)
    console.line(
      style.dim(
        text.render(
          "suspended; no session shows it until `recall unsuspend \(session.deck.id) "
            + "\(question.id)`")))
  }

  private func bury(_ question: Question) throws(ProgressError) {
    try session.bury(question)
    console.line(style.dim("buried; it comes back when the study day ends"))
  }

  private func flag(_ question: Question, note: String) throws(ProgressError) {
    try session.flag(question, note: note.isEmpty ? nil : note)
    console.line(
      style.dim(
        note.isEmpty
          ? "flagged as wrong; `recall stats` lists it (`:flag what is wrong` adds a note)"
          : "flagged as wrong, with your note; `recall stats` lists it"))
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

  /// After feedback: Enter keeps the rating, a rating (1–4, `:again`…`:easy`) changes it,
  /// `:undo` takes the answer back; the other commands of the table work on the card just
  /// answered.
  private func confirmRating(
    _ feedback: StudySession.Feedback
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
            showFact(of: current.question)
          case .explainAgain:
            console.line(text.render(current.question.explanation))
          case .rate(let rating):
            if let changed = try session.changeLastRating(to: rating) { current = changed }
            console.line(style.dim(nextReview(current)))
            return .next
          case .suspend:
            try suspend(current.question)
          case .bury:
            try bury(current.question)
          case .flag:
            try flag(current.question, note: argument)
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
    let summary = session.summary
    let accuracy = summary.accuracy.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    let remaining = session.queue().entries.count
    console.line(
      style.dim(
        "\(summary.reviewed) answered, \(accuracy) right, \(remaining) left in the queue, "
          + "\(session.dueLaterToday()) due later today"))
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
    console.line(
      "due later today: \(session.dueLaterToday()) · due tomorrow: \(ahead.first ?? 0) · "
        + "next 7 days: \(ahead.reduce(0, +))")
  }
}
