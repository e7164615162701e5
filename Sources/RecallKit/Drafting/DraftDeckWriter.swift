import Foundation

/// Writes proposals as a deck `recall check` accepts: confident and accepted ones as facts,
/// uncertain ones commented out for the teacher to look at, dropped ones not at all.
///
/// The deck is loaded back before it is returned; a fact the loader or the authoring check
/// would complain about is commented out with the reason, so the file always checks clean.
public struct DraftDeckWriter: Sendable {
  public struct Header: Sendable {
    public var id: String
    public var title: String
    public var subject: String
    public var sourceTitle: String
    public var url: String?
    public var articlePath: String

    public init(
      id: String, title: String, subject: String, sourceTitle: String, url: String?,
      articlePath: String
    ) {
      self.id = id
      self.title = title
      self.subject = subject
      self.sourceTitle = sourceTitle
      self.url = url
      self.articlePath = articlePath
    }
  }

  /// Proposals at or above this are written as facts.
  public var writeThreshold: Double
  /// Proposals at or above this, and below `writeThreshold`, are written commented out.
  public var commentThreshold: Double

  public init(writeThreshold: Double = 0.6, commentThreshold: Double = 0.4) {
    self.writeThreshold = writeThreshold
    self.commentThreshold = commentThreshold
  }

  /// What was written: the YAML text and how many facts went in each way.
  public struct Output: Sendable {
    public var text: String
    public var written: Int
    public var commented: Int
  }

  public func render(_ proposals: [DraftProposal], header: Header) -> Output {
    var demoted: [String: String] = [:]
    var output = renderOnce(proposals, header: header, demoted: demoted)
    // Each round comments out what the loader rejects; a rejected fact can only be commented
    // once, so this ends.
    for _ in 0..<8 {
      let result = DeckLoader().load(text: output.text.text, path: "draft.yaml")
      var problems = result.diagnostics.filter { $0.severity == .error }
      if let deck = result.deck, problems.isEmpty {
        var check = DeckAuthoringCheck(deck: deck)
        check.reportsMissingChoices = false
        problems = check.diagnostics()
      }
      let blamed = problems.compactMap { diagnostic -> (String, String)? in
        guard let entry = output.entries.last(where: { $0.line <= diagnostic.location.line }),
          demoted[entry.id] == nil
        else { return nil }
        return (entry.id, diagnostic.message)
      }
      guard !blamed.isEmpty else { break }
      for (id, message) in blamed { demoted[id] = message }
      output = renderOnce(proposals, header: header, demoted: demoted)
    }
    // The questions the linter leaves out of each written fact, named in its comment, so the
    // teacher sees which wording to fix (the deck itself only ever yields questions that pass).
    let leftOut = Self.leftOutQuestions(output.text.text)
    if !leftOut.isEmpty {
      output = renderOnce(proposals, header: header, demoted: demoted, leftOut: leftOut)
    }
    return output.text
  }

  /// Per fact id, "template (rule)" for each generated question the linter dropped.
  static func leftOutQuestions(_ yaml: String) -> [String: [String]] {
    guard let deck = DeckLoader().load(text: yaml, path: "draft.yaml").deck else { return [:] }
    var result: [String: [String]] = [:]
    for finding in QuestionGenerator(deck: deck).generate().dropped {
      let template = finding.question.id.split(separator: "/").last.map(String.init) ?? ""
      result[finding.question.fact, default: []].append(
        "\(template) (\(finding.rule.rawValue))")
    }
    return result
  }

  private struct Rendered {
    var text: Output
    var entries: [(line: Int, id: String)]
  }

  public func isWritten(_ proposal: DraftProposal) -> Bool {
    proposal.status == .accepted
      || (proposal.status == .pending && proposal.confidence >= writeThreshold)
  }

  public func isCommented(_ proposal: DraftProposal) -> Bool {
    proposal.status == .pending && proposal.confidence < writeThreshold
      && proposal.confidence >= commentThreshold
  }

  private func renderOnce(
    _ proposals: [DraftProposal], header: Header, demoted: [String: String],
    leftOut: [String: [String]] = [:]
  ) -> Rendered {
    var lines: [String] = [
      "# Drafted by `recall draft` from \(header.articlePath). Every fact cites the article's line;",
      "# check each against the text. Facts marked `# ?` were less certain and are commented out:",
      "# remove the `# ` in front of their lines to keep one.",
      "id: \(DeckWriter.scalar(header.id))",
      "title: \(DeckWriter.scalar(header.title))",
      "subject: \(DeckWriter.scalar(header.subject))",
      "source:",
      "  title: \(DeckWriter.scalar(header.sourceTitle))",
    ]
    if let url = header.url { lines.append("  url: \(DeckWriter.scalar(url))") }
    lines.append("  note: Drafted from the article; the facts cite its lines.")
    lines.append("")
    lines.append("facts:")
    let written = proposals.filter { isWritten($0) && demoted[$0.id] == nil }
    let commented = proposals.filter {
      ($0.status != .dropped) && (isCommented($0) || (isWritten($0) && demoted[$0.id] != nil))
    }
    let placeIDs = Dictionary(
      written.filter { $0.kind == .place }.flatMap { proposal in
        proposal.names.map { (EntityBook.key($0), proposal.id) }
      }, uniquingKeysWith: { first, _ in first })
    var entries: [(Int, String)] = []
    for proposal in proposals where proposal.status != .dropped {
      let isFact = written.contains { $0.id == proposal.id }
      let isComment = !isFact && commented.contains { $0.id == proposal.id }
      guard isFact || isComment else { continue }
      lines.append("")
      var reason = String(format: "confidence %.2f", proposal.confidence)
      if let why = demoted[proposal.id] { reason += "; commented out: \(why)" }
      if !proposal.caveats.isEmpty { reason += "; " + proposal.caveats.joined(separator: "; ") }
      if isFact, let dropped = leftOut[proposal.id] {
        reason += "; the question linter leaves out " + dropped.joined(separator: ", ")
      }
      lines.append(
        "  # \(isComment ? "? " : "")\(reason.replacingOccurrences(of: "\n", with: " "))")
      if isFact { entries.append((lines.count + 1, proposal.id)) }
      for line in entryLines(proposal, placeIDs: placeIDs) {
        lines.append(isComment ? "  # " + line.dropFirst(2) : line)
      }
    }
    if written.isEmpty { lines.append("  []") }
    let text = lines.joined(separator: "\n") + "\n"
    return Rendered(
      text: Output(text: text, written: written.count, commented: commented.count),
      entries: entries)
  }

  /// The fact's lines, `  - id: …` first.
  public func entryLines(_ proposal: DraftProposal, placeIDs: [String: String]) -> [String] {
    var lines = [
      "  - id: \(DeckWriter.scalar(proposal.id))", "    kind: \(proposal.kind.rawValue)",
    ]
    for field in proposal.fields {
      switch field.value {
      case .text(let text):
        lines.append("    \(field.key): \(DeckWriter.scalar(text))")
      case .list(var items):
        if field.key == "places" {
          items = items.compactMap { placeIDs[EntityBook.key($0)] }
          if items.isEmpty { continue }
        }
        if field.key == "known_for" {
          lines.append("    known_for:")
          lines += items.map { "      - \(DeckWriter.scalar($0))" }
        } else {
          lines.append("    \(field.key): \(DeckWriter.list(items))")
        }
      }
    }
    lines.append("    source: \(DeckWriter.scalar("line \(proposal.line)"))")
    return lines
  }
}
