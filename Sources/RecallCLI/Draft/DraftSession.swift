import Foundation
import LineEditing
import RecallKit

/// The review loop of `recall draft`: shows each proposal with its sentence and the questions
/// it would make, and reads a decision. Saves the review after every decision and writes the
/// deck when the review ends or stops, so nothing decided is lost.
struct DraftSession {
  static let commands = [
    ":accept", ":drop", ":edit", ":help", ":merge", ":quit", ":skip", ":write",
  ]

  let proposals: [DraftProposal]
  let articlePath: String
  let articleText: String
  let output: String
  let header: DraftDeckWriter.Header
  let writer: DraftDeckWriter
  let console: Console
  let reader: LineReader
  /// The deck file may be replaced: --force, or the deck this review wrote before.
  let force: Bool
  var text = TerminalText(width: 80, style: .plain)

  static func statePath(for output: String) -> String { output + ".draft.json" }

  init(
    proposals: [DraftProposal], articlePath: String, articleText: String, output: String,
    header: DraftDeckWriter.Header, writer: DraftDeckWriter, console: Console,
    reader: LineReader, force: Bool
  ) {
    self.proposals = proposals
    self.articlePath = articlePath
    self.articleText = articleText
    self.output = output
    self.header = header
    self.writer = writer
    self.console = console
    self.reader = reader
    self.force = force
  }

  private var style: TerminalStyle { text.style }

  /// Runs the review; a state file it cannot use or save stops it with a thrown error.
  func run() throws {
    let statePath = Self.statePath(for: output)
    var review = DraftReview(articleText: articleText, proposals: proposals)
    do {
      if let saved = try DraftReview.load(path: statePath) {
        guard saved.version == DraftReview.formatVersion,
          saved.articleDigest == review.articleDigest
        else {
          throw CommandError.data(
            "\(statePath) is a review of another article (or of this one before it changed); "
              + "move it away to start again")
        }
        review = saved
        console.line(
          "Resuming the review in \(statePath): \(review.decidedCount) of "
            + "\(review.proposals.count) decided.")
      }
    } catch let error as CommandError {
      throw error
    } catch {
      throw CommandError.data("cannot read \(statePath): \(error.localizedDescription)")
    }
    console.line(
      "\(review.proposals.count) proposals from \(articlePath), most certain first. "
        + "Type :help for the commands.")
    var current = review.nextPending()
    var number = review.decidedCount
    loop: while let index = current {
      number += 1
      show(review.proposals[index], number: number, of: review.proposals.count)
      deciding: while true {
        switch reader.readLine(prompt: style.bold("draft> ")) {
        case .endOfInput:
          break loop
        case .interrupted:
          continue deciding
        case .line(let raw):
          let input = raw.trimmingCharacters(in: .whitespaces)
          if !input.isEmpty { reader.addHistory(input) }
          let words = input.split(separator: " ", maxSplits: 1).map(String.init)
          let command = words.first?.lowercased() ?? ""
          let argument = words.count > 1 ? words[1] : ""
          switch command {
          case ":accept", "a", ":a", "":
            review.proposals[index].status = .accepted
            console.line(style.green("accepted") + " \(review.proposals[index].id)")
          case ":drop", "d", ":d":
            review.proposals[index].status = .dropped
            console.line(style.yellow("dropped") + " \(review.proposals[index].id)")
          case ":skip", "s", ":s":
            console.line(style.dim("skipped; it stays undecided"))
            try save(review, to: statePath)
            current = review.nextPending(after: index)
            if current == index { break loop }
            continue loop
          case ":edit", "e", ":e":
            edit(&review, index, field: argument)
            show(review.proposals[index], number: number, of: review.proposals.count)
            continue deciding
          case ":merge", "m", ":m":
            do {
              try review.merge(index, into: argument)
              console.line("merged into \(argument)")
            } catch {
              console.line(style.yellow(error.description))
              continue deciding
            }
          case ":write", "w", ":w":
            try save(review, to: statePath)
            try writeDeck(review)
            continue deciding
          case ":quit", "q", ":q":
            break loop
          case ":help", "?", ":h", "h":
            help()
            continue deciding
          default:
            console.line("unknown command \(input); type :help for the list")
            continue deciding
          }
          try save(review, to: statePath)
          current = review.nextPending(after: index)
          continue loop
        }
      }
    }
    try save(review, to: statePath)
    try writeDeck(review)
    if review.nextPending() == nil {
      try? FileManager.default.removeItem(atPath: statePath)
      console.line("Review finished: \(review.decidedCount) decided.")
    } else {
      console.line(
        "Stopped with \(review.proposals.count - review.decidedCount) undecided; the review is "
          + "saved in \(statePath). Run the same command to go on.")
    }
  }

  private func save(_ review: DraftReview, to path: String) throws(CommandError) {
    do {
      try review.save(path: path)
    } catch {
      throw CommandError.io("cannot save the review to \(path): \(error.localizedDescription)")
    }
  }

  /// Writes the deck: accepted facts, and undecided ones by the threshold as without a review.
  private func writeDeck(_ review: DraftReview) throws(CommandError) {
    let rendered = writer.render(review.proposals, header: header)
    try OutputDestination(path: output, force: true).write(rendered.text, console: console)
    console.line(
      "Wrote \(output): \(rendered.written) facts, \(rendered.commented) commented out.")
  }

  private func edit(_ review: inout DraftReview, _ index: Int, field: String) {
    var key = field.trimmingCharacters(in: .whitespaces)
    if key.isEmpty {
      switch reader.readLine(prompt: "field: ") {
      case .line(let line): key = line.trimmingCharacters(in: .whitespaces)
      default: return
      }
    }
    let current = review.proposals[index][key]?.description ?? ""
    console.line(style.dim("\(key) now: \(current.isEmpty ? "(empty)" : current)"))
    let hint = DraftReview.listFieldHint(key)
    switch reader.readLine(prompt: "new \(key)\(hint): ") {
    case .line(let value):
      if value.trimmingCharacters(in: .whitespaces).isEmpty && !current.isEmpty {
        console.line(style.dim("unchanged (type - to remove an optional field)"))
        return
      }
      do {
        try review.edit(index, field: key, to: value == "-" ? "" : value)
      } catch {
        console.line(style.yellow(error.description))
      }
    default:
      console.line(style.dim("unchanged"))
    }
  }

  private func show(_ proposal: DraftProposal, number: Int, of total: Int) {
    console.line("")
    console.line(
      style.bold("[\(number)/\(total)] \(proposal.kind.rawValue) \(proposal.id)")
        + style.dim(
          String(format: " · confidence %.2f · line %d", proposal.confidence, proposal.line)))
    console.line(
      text.render(proposal.sentence, initialIndent: "  “", subsequentIndent: "   ") + "”")
    for field in proposal.fields {
      let shown =
        field.key == "known_for"
        ? field.value.items.joined(separator: " | ") : field.value.description
      console.line(
        text.render(shown, initialIndent: "  \(field.key): ", subsequentIndent: "      "))
    }
    for caveat in proposal.caveats { console.line(style.yellow("  ! \(caveat)")) }
    let questions = DraftPreview.questions(for: proposal, writer: writer)
    switch questions {
    case .success(let list) where !list.isEmpty:
      console.line(style.dim("  questions it makes:"))
      for question in list.prefix(4) {
        console.line(text.render(question, initialIndent: "   · ", subsequentIndent: "     "))
      }
    case .success:
      console.line(style.dim("  (it makes no question as it stands)"))
    case .failure(let problem):
      console.line(style.yellow("  does not check yet: \(problem.message)"))
    }
    console.line(
      style.dim("  Enter/a accept · e FIELD edit · m ID merge · d drop · s skip · q stop"))
  }

  private func help() {
    let commands = [
      (":accept", "a or Enter: keep the fact as shown"),
      (":edit F", "e F: change field F (a list takes items separated by commas)"),
      (":merge ID", "m ID: fold this fact into fact ID (its names become aliases)"),
      (":drop", "d: leave the fact out"),
      (":skip", "s: decide later; it stays undecided"),
      (":write", "w: write the deck now and go on"),
      (":quit", "q or Ctrl-D: save the review and the deck, and stop; run again to resume"),
    ]
    for (name, meaning) in commands {
      let label = "  " + name.padding(toLength: 11, withPad: " ", startingAt: 0)
      console.line(text.render(meaning, initialIndent: label, subsequentIndent: "             "))
    }
  }
}

extension DraftReview {
  static func listFieldHint(_ key: String) -> String {
    key == "known_for"
      ? " (sentences separated by |)" : listFields.contains(key) ? " (comma-separated)" : ""
  }
}
