/// Writes questions as RFC 4180 CSV, one row a question:
/// `id,type,prompt,options,answers,fact,explanation`. Lists (options, accepted answers) are
/// joined with ` | ` (a `|` or `\\` inside an item is written `\\|`, `\\\\`); a match
/// question's answers read `item — option`. A cell that a spreadsheet would run as a formula
/// (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading
/// `'`, which spreadsheets show as text; `recall import` drops it again.
public struct CSVExporter: Sendable {
  public static let columns = ["id", "type", "prompt", "options", "answers", "fact", "explanation"]

  public init() {}

  public func render(_ questions: [Question]) -> String {
    let table = DelimitedText(delimiter: ",")
    var out = table.line(Self.columns, ending: "\r\n")
    for question in questions {
      out += table.line(
        [
          question.id, question.kind.rawValue, question.prompt, Self.list(question.options),
          Self.list(question.answerTexts), question.fact, question.explanation,
        ].map(Self.neutralised), ending: "\r\n")
    }
    return out
  }

  /// The characters that make a spreadsheet read a cell as a formula (OWASP's list).
  static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// The cell as text a spreadsheet will not evaluate.
  static func neutralised(_ cell: String) -> String {
    guard let first = cell.first, formulaStarts.contains(first) else { return cell }
    return "'" + cell
  }

  /// Items joined with ` | `, escaped so that `TableImporter.list` splits them back exactly.
  static func list(_ items: [String]) -> String {
    items.map {
      $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
    }.joined(separator: " | ")
  }
}
