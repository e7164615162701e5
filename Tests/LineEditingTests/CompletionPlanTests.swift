import Testing

@testable import LineEditing

@Suite struct CompletionPlanTests {
  private let commands = LineCompletion.words([
    ":help", ":hint", ":quit", ":skip", ":stats", ":undo",
  ])

  private func plan(_ typed: String) -> CompletionPlan {
    CompletionPlan.resolve(typed: typed, candidates: commands(typed))
  }

  @Test func aUniqueMatchIsCompleted() {
    #expect(plan(":hi") == .replace(deleting: 0, text: "nt"))
    #expect(plan(":q") == .replace(deleting: 0, text: "uit"))
  }

  @Test func aCommonPrefixIsCompletedBeforeListing() {
    // :help and :hint share ":h" only, :skip and :stats ":s" only: nothing to add, so list.
    #expect(plan(":h") == .list([":help", ":hint"]))
    #expect(plan(":s") == .list([":skip", ":stats"]))
    #expect(
      CompletionPlan.resolve(typed: ":s", candidates: [":stats", ":status"])
        == .replace(deleting: 0, text: "tat"))
  }

  @Test func anEmptyLineGetsTheSharedColonThenTheList() {
    #expect(plan("") == .replace(deleting: 0, text: ":"))
    #expect(plan(":") == .list([":help", ":hint", ":quit", ":skip", ":stats", ":undo"]))
  }

  @Test(arguments: [":x", "Barë", ":hint "])
  func noMatchRingsTheBell(typed: String) {
    #expect(plan(typed) == .none)
  }

  @Test func aCompleteWordHasNothingToAdd() {
    #expect(plan(":hint") == .none)
  }

  @Test func aCandidateThatDoesNotExtendTheTextReplacesIt() {
    // "ë" is one character but, decomposed, two scalars: libedit deletes scalars.
    #expect(
      CompletionPlan.resolve(typed: "bare\u{308}", candidates: ["Barë"])
        == .replace(deleting: 5, text: "Barë"))
  }

  @Test func duplicateCandidatesCountOnce() {
    #expect(
      CompletionPlan.resolve(typed: ":u", candidates: [":undo", ":undo"])
        == .replace(deleting: 0, text: "ndo"))
  }

  @Test func listingsCannotSendControlSequences() {
    #expect(CompletionPlan.listing([":skip", ":stats"]) == ":skip  :stats")
    #expect(CompletionPlan.listing(["a\u{1B}[2J", "\u{202E}b\u{9B}"]) == "a?[2J  ?b?")
  }

  @Test func commonPrefixComparesCharacters() {
    #expect(CompletionPlan.longestCommonPrefix(["Barë", "Barëz", "Bar"]) == "Bar")
    #expect(CompletionPlan.longestCommonPrefix(["Thaçi", "Thaçi"]) == "Thaçi")
    #expect(CompletionPlan.longestCommonPrefix(["a", "b"]).isEmpty)
  }
}
