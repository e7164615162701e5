/// Writes questions as RFC 4180 CSV, one row a question:
/// `id,type,prompt,options,answers,fact,explanation`. Lists (options, accepted answers) are
/// joined with ` | `; a match question's answers read `item — option`.
public struct CSVExporter: Sendable {
  public static let columns = ["id", "type", "prompt", "options", "answers", "fact", "explanation"]

  public init() {}

  public func render(_ questions: [Question]) -> String {
    let table = DelimitedText(delimiter: ",")
    var out = table.line(Self.columns, ending: "\r\n")
    for question in questions {
      out += table.line(
        [
          question.id, question.kind.rawValue, question.prompt,
          question.options.joined(separator: " | "),
          question.answerTexts.joined(separator: " | "), question.fact, question.explanation,
        ], ending: "\r\n")
    }
    return out
  }
}
