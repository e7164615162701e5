import Foundation
import LineEditing
import RecallKit
import Testing

@testable import RecallCLI

/// The one table of REPL commands: what each prompt accepts, refuses and offers on Tab.
@Suite struct StudyCommandTableTests {
  private func action(_ line: String, at prompt: StudyPrompt) -> StudyAction? {
    if case .command(let command, _) = StudyCommandTable.parse(line, at: prompt) {
      return command.action
    }
    return nil
  }

  @Test func eachPromptParsesItsOwnCommands() {
    #expect(action(":hint", at: .answer) == .hint)
    #expect(action(":HINT", at: .answer) == .hint)
    #expect(action("?", at: .answer) == .help)
    #expect(action(":q", at: .rating) == .quit)
    #expect(action("1", at: .rating) == .rate(.again))
    #expect(action("easy", at: .rating) == .rate(.easy))
    #expect(action(":good", at: .rating) == .rate(.good))
    // :again is the explanation at the answer prompt and the rating at the rating prompt.
    #expect(action(":again", at: .answer) == .explainAgain)
    #expect(action(":again", at: .rating) == .rate(.again))
    #expect(action(":explain", at: .rating) == .explainAgain)
    #expect(action(":explain", at: .answer) == .explainAgain)
  }

  @Test func commandsOfTheOtherPromptAreRefusedByName() {
    guard case .elsewhere(let good) = StudyCommandTable.parse(":good", at: .answer) else {
      Issue.record("`:good` at the answer prompt")
      return
    }
    #expect(good.action == .rate(.good))
    guard case .elsewhere(let hint) = StudyCommandTable.parse(":hint", at: .rating) else {
      Issue.record("`:hint` at the rating prompt")
      return
    }
    #expect(hint.name == ":hint")
    #expect(StudyCommandTable.parse(":nonsense", at: .answer) == .unknown(":nonsense"))
  }

  @Test func answersThatLookLikeRatingsStayAnswers() {
    #expect(StudyCommandTable.parse("1", at: .answer) == .text("1"))
    #expect(StudyCommandTable.parse("good", at: .answer) == .text("good"))
    #expect(StudyCommandTable.parse("1 2", at: .rating) == .text("1 2"))
  }

  @Test func tabOffersOnlyWhatThePromptAccepts() {
    let answer = StudyCommandTable.completions(for: ":", at: .answer)
    #expect(answer.contains(":hint"))
    #expect(!answer.contains(":good"))
    #expect(!answer.contains(":easy"))
    let rating = StudyCommandTable.completions(for: ":", at: .rating)
    #expect(rating.contains(":good"))
    #expect(!rating.contains(":hint"))
    #expect(!rating.contains(":skip"))
    #expect(StudyCommandTable.completions(for: ":g", at: .answer) == [])
    #expect(StudyCommandTable.completions(for: ":g", at: .rating) == [":good"])
    #expect(StudyCommandTable.completions(for: "Kos", at: .answer) == [])
  }

  @Test func theTrackerServesTheCurrentPrompt() {
    let tracker = StudyPromptTracker()
    let complete = tracker.completions
    #expect(complete(":h") == [":hint", ":help"])
    tracker.prompt = .rating
    #expect(complete(":h") == [":hard", ":help"])
  }

  @Test func everyNameIsUniqueAtEachPrompt() {
    for prompt in StudyPrompt.allCases {
      var seen = Set<String>()
      for command in StudyCommandTable.commands(at: prompt) {
        for word in [command.name] + command.aliases {
          #expect(seen.insert(word).inserted, "\(word) twice at \(prompt)")
        }
      }
    }
  }
}
