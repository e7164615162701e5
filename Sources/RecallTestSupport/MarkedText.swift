import Foundation
import Testing

/// Test input with numbered markers, so an expected diagnostic names a place in the text
/// instead of a hand-counted `9:5`.
///
/// Write `⟪1⟫` (any name of letters and digits between `⟪` and `⟫`) just before the character
/// a diagnostic should point at; `text` is the input with the markers taken out, and
/// `located(_:)` turns `marker 1:` in an expectation into that character's `line:column:`:
///
/// ```swift
/// let input = MarkedText("id: a\n⟪1⟫dtae: 1998\n")
/// #expect(messages(input.text) == input.located(["marker 1: error: unknown key 'dtae'"]))
/// // compares with ["2:1: error: unknown key 'dtae'"]
/// ```
///
/// Lines and columns are 1-based and count Unicode scalars, as Recall's locations do; a line
/// ends at `\n`.
public struct MarkedText: Sendable, CustomStringConvertible {
  /// Where a marker stood: the position of the character after it.
  public struct Position: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var description: String { "\(line):\(column)" }

    public init(line: Int, column: Int) {
      self.line = line
      self.column = column
    }
  }

  /// The input without its markers.
  public let text: String
  /// Each marker's position in `text`, by name.
  public let markers: [String: Position]

  public var description: String { text }

  /// Takes the markers out of `marked`. A marker name used twice is a mistake in the test and
  /// records an issue (the first position is kept).
  public init(_ marked: String, sourceLocation: SourceLocation = #_sourceLocation) {
    var text = String.UnicodeScalarView()
    var markers: [String: Position] = [:]
    var line = 1
    var column = 1
    var scalars = marked.unicodeScalars[...]
    while let scalar = scalars.first {
      if scalar == "⟪", let close = scalars.firstIndex(of: "⟫") {
        let name = String(scalars[scalars.index(after: scalars.startIndex)..<close])
        if !name.isEmpty, name.unicodeScalars.allSatisfy(Self.isNameScalar) {
          if markers[name] != nil {
            Issue.record("marker ⟪\(name)⟫ is used twice", sourceLocation: sourceLocation)
          } else {
            markers[name] = Position(line: line, column: column)
          }
          scalars = scalars[scalars.index(after: close)...]
          continue
        }
      }
      text.append(scalar)
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      scalars = scalars.dropFirst()
    }
    self.text = String(text)
    self.markers = markers
  }

  /// The position of marker `name`; an unknown name records an issue and gives 0:0, which no
  /// diagnostic has.
  public func position(
    _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> Position {
    guard let position = markers[name] else {
      Issue.record("no marker ⟪\(name)⟫ in the text", sourceLocation: sourceLocation)
      return Position(line: 0, column: 0)
    }
    return position
  }

  /// `expectation` with every `marker NAME:` replaced by that marker's `line:column:`, so
  /// `"deck.yaml:marker 2: error: …"` becomes `"deck.yaml:13:11: error: …"`.
  public func located(
    _ expectation: String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> String {
    var result = ""
    var rest = expectation[...]
    while let found = rest.range(of: "marker ") {
      result += rest[..<found.lowerBound]
      let after = rest[found.upperBound...]
      let name = after.prefix { $0.unicodeScalars.allSatisfy(Self.isNameScalar) }
      guard !name.isEmpty, after.dropFirst(name.count).first == ":" else {
        result += rest[found]
        rest = after
        continue
      }
      result += position(String(name), sourceLocation: sourceLocation).description
      rest = after.dropFirst(name.count)
    }
    return result + rest
  }

  /// Each expectation `located(_:)`.
  public func located(
    _ expectations: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) -> [String] {
    expectations.map { located($0, sourceLocation: sourceLocation) }
  }

  private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
  }
}
