/// The questions one proposal would make, shown in the review so the teacher judges a fact by
/// what a learner will be asked.
public enum DraftPreview {
  public struct Problem: Error, Sendable {
    public var message: String
  }

  /// Each question as "prompt — answer"; or the loader's first complaint about the fact.
  public static func questions(for proposal: DraftProposal, writer: DraftDeckWriter)
    -> Result<[String], Problem>
  {
    var single = proposal
    single.status = .accepted
    single["places"] = nil
    let lines =
      [
        "id: preview", "title: Preview", "subject: Preview", "source: Preview", "facts:",
      ] + writer.entryLines(single, placeIDs: [:])
    let result = DeckLoader().load(text: lines.joined(separator: "\n") + "\n", path: "preview")
    guard let deck = result.deck else {
      let first = result.diagnostics.first { $0.severity == .error }
      return .failure(Problem(message: first?.message ?? "the fact does not load"))
    }
    let questions = QuestionGenerator(deck: deck).questions()
    return .success(
      questions.map { question in
        let answer = question.answerTexts.first ?? ""
        return "\(question.prompt) — \(answer)"
      })
  }
}
