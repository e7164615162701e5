import RecallKit

/// How a question is shown in the study REPL: the prompt, its options, and the line that says
/// how to answer. Plain text; styling and wrapping happen when it is printed.
struct QuestionPresentation: Equatable {
  var prompt: String
  /// Lettered or numbered lines under the prompt.
  var options: [String]
  /// A short reminder of the answer form ("answer t or f").
  var instruction: String?

  static func letter(_ index: Int) -> String {
    let scalar = Unicode.Scalar(UInt8(97 + index % 26))
    return String(Character(scalar))
  }

  init(prompt: String, options: [String], instruction: String?) {
    self.prompt = prompt
    self.options = options
    self.instruction = instruction
  }

  init(_ question: Question, hiddenOptions: Set<Int> = []) {
    let lettered = question.options.enumerated().map { index, option in
      hiddenOptions.contains(index)
        ? "  \(Self.letter(index))) (ruled out)" : "  \(Self.letter(index))) \(option)"
    }
    switch question.kind {
    case .short, .cloze:
      self.init(prompt: question.prompt, options: [], instruction: nil)
    case .numeric:
      self.init(prompt: question.prompt, options: [], instruction: "answer with a number")
    case .choice:
      self.init(
        prompt: question.prompt, options: lettered,
        instruction: "answer with a letter or the option's text")
    case .truefalse:
      self.init(
        prompt: "True or false? \(question.prompt)", options: [], instruction: "answer t or f")
    case .order:
      self.init(
        prompt: question.prompt, options: lettered,
        instruction: "answer with the letters from earliest to latest, e.g. \"c a b\"")
    case .match:
      let items = question.matchItems.enumerated().map { index, item in "  \(index + 1). \(item)" }
      self.init(
        prompt: question.prompt, options: items + [""] + lettered,
        instruction: "pair each number with a letter, e.g. \"1b 2a 3c\"")
    }
  }
}
