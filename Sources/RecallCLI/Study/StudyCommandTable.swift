import Foundation
import LineEditing
import RecallKit

/// The two places the study REPL reads a line.
enum StudyPrompt: Hashable, Sendable, CaseIterable {
  /// `>`: an answer or a command.
  case answer
  /// After the feedback: Enter keeps the rating, or a rating or command.
  case rating
}

/// What a REPL command does. The REPL switches over it; the table says where each is valid.
enum StudyAction: Hashable, Sendable {
  case quit, help, stats, skip, undo, hint
  case rate(Rating)
  /// Never show the card again until `recall unsuspend`.
  case suspend
  /// Not again until the study day ends.
  case bury
  /// Mark the card as wrong, with an optional note, for the teacher.
  case flag
  /// The whole fact the card asks about, and its source note.
  case fact
  /// The explanation of the last answered card again.
  case explainAgain
}

/// One REPL command: its name, the other spellings it answers to, what `:help` says, and the
/// prompts that accept it. The one table drives parsing at both prompts, `:help` and Tab.
struct StudyCommandSpec: Hashable, Sendable {
  var name: String
  var aliases: [String] = []
  /// Shown after the name in `:help` ("[note]"); the command then takes the rest of the line.
  var argument: String?
  var help: String
  var prompts: Set<StudyPrompt>
  var action: StudyAction

  func answers(to word: String) -> Bool {
    word == name || aliases.contains(word)
  }
}

/// What a line typed at a prompt is, read against the command table.
enum StudyInput: Hashable, Sendable {
  /// A command valid at this prompt, with the rest of the line (trimmed) as its argument.
  case command(StudyCommandSpec, argument: String)
  /// A command that exists but not at this prompt.
  case elsewhere(StudyCommandSpec)
  /// Starts with ":" but names no command.
  case unknown(String)
  /// Not a command: an answer (at the answer prompt).
  case text(String)
}

enum StudyCommandTable {
  private static let both: Set<StudyPrompt> = [.answer, .rating]

  /// Every command, in the order `:help` lists them.
  ///
  /// `:again` is two commands: at the answer prompt it shows the last explanation again; at
  /// the rating prompt, where the explanation is still on screen, it is the rating "again",
  /// as the prompt's "1 again" says. `:explain` shows the explanation at both.
  static let all: [StudyCommandSpec] = [
    StudyCommandSpec(
      name: ":hint", help: "a clue (first letter, year) or two wrong options ruled out",
      prompts: [.answer], action: .hint),
    StudyCommandSpec(
      name: ":skip", help: "leave this card for next time", prompts: [.answer], action: .skip),
    StudyCommandSpec(
      name: ":again", aliases: [":explain"],
      help: "the last card's explanation again (:explain at the rating prompt)",
      prompts: [.answer], action: .explainAgain),
    StudyCommandSpec(
      name: ":explain", help: "this card's explanation again", prompts: [.rating],
      action: .explainAgain),
    StudyCommandSpec(
      name: ":fact", help: "the whole fact this card asks about, and its source note",
      prompts: both, action: .fact),
    StudyCommandSpec(
      name: ":suspend", help: "never show this card again (until recall unsuspend)",
      prompts: both, action: .suspend),
    StudyCommandSpec(
      name: ":bury", help: "not again today; it comes back tomorrow", prompts: both,
      action: .bury),
    StudyCommandSpec(
      name: ":flag", argument: "[note]",
      help: "mark this card as wrong, with a note for the teacher (recall stats lists it)",
      prompts: both, action: .flag),
    StudyCommandSpec(
      name: ":undo", help: "take back the last answer (also on disk)", prompts: both,
      action: .undo),
    StudyCommandSpec(name: ":stats", help: "this session so far", prompts: both, action: .stats),
    StudyCommandSpec(
      name: ":again", aliases: ["1", "again"], help: "rate again (forgotten)", prompts: [.rating],
      action: .rate(.again)),
    StudyCommandSpec(
      name: ":hard", aliases: ["2", "hard"], help: "rate hard", prompts: [.rating],
      action: .rate(.hard)),
    StudyCommandSpec(
      name: ":good", aliases: ["3", "good"], help: "rate good", prompts: [.rating],
      action: .rate(.good)),
    StudyCommandSpec(
      name: ":easy", aliases: ["4", "easy"], help: "rate easy", prompts: [.rating],
      action: .rate(.easy)),
    StudyCommandSpec(
      name: ":help", aliases: [":h", "?"], help: "this list", prompts: both, action: .help),
    StudyCommandSpec(
      name: ":quit", aliases: [":q"], help: "save and stop (Ctrl-D too); Ctrl-C clears the line",
      prompts: both, action: .quit),
  ]

  /// The commands valid at `prompt`, in table order.
  static func commands(at prompt: StudyPrompt) -> [StudyCommandSpec] {
    all.filter { $0.prompts.contains(prompt) }
  }

  /// Reads `line` (already trimmed) as typed at `prompt`. Command words are matched without
  /// regard to case; a word that is not a ":" command (a rating's "1" at the answer prompt) is
  /// text there.
  static func parse(_ line: String, at prompt: StudyPrompt) -> StudyInput {
    let word = line.prefix { !$0.isWhitespace }.lowercased()
    let argument = line.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
    if let command = commands(at: prompt).first(where: { $0.answers(to: word) }) {
      // Only a command that takes an argument reads the rest of the line; "1 2" is not "1".
      if argument.isEmpty || command.argument != nil {
        return .command(command, argument: argument)
      }
    }
    guard word.hasPrefix(":") else { return .text(line) }
    if let command = all.first(where: { $0.answers(to: word) }) { return .elsewhere(command) }
    return .unknown(word)
  }

  /// Tab's candidates at `prompt` for `typed`, the text before the cursor: the names of the
  /// commands valid there. Aliases are left out, so ":h" completes to ":hint" or ":help"
  /// rather than listing ":h" too.
  static func completions(for typed: String, at prompt: StudyPrompt) -> [String] {
    let lowered = typed.lowercased()
    guard lowered.hasPrefix(":") else { return [] }
    var seen = Set<String>()
    return commands(at: prompt).map(\.name).filter {
      $0.hasPrefix(lowered) && seen.insert($0).inserted
    }
  }
}

/// The prompt the REPL is reading at, shared with the Tab completer libedit calls back.
final class StudyPromptTracker: @unchecked Sendable {
  // Set and read on the REPL's thread (libedit calls the completer from inside readLine);
  // the lock makes that so for any other caller too.
  private let lock = NSLock()
  private var current = StudyPrompt.answer

  var prompt: StudyPrompt {
    get { lock.withLock { current } }
    set { lock.withLock { current = newValue } }
  }

  /// Tab completion that offers only what the current prompt accepts.
  var completions: LineCompletion.Provider {
    { [self] typed in StudyCommandTable.completions(for: typed, at: prompt) }
  }
}
