/// Bounds that keep a hostile or mistaken deck file from exhausting time or memory.
public struct DeckLimits: Hashable, Sendable {
  /// Largest deck file read, in bytes.
  public var maximumFileSize: Int
  /// Deepest nesting of lists and mappings.
  public var maximumNesting: Int
  /// Most YAML nodes visited, which also bounds alias expansion ("billion laughs").
  public var maximumNodes: Int
  /// Most facts plus cards in one deck.
  public var maximumItems: Int
  /// Longest text field, in characters.
  public var maximumTextLength: Int
  /// Diagnostics reported before the loader stops listing them.
  public var maximumDiagnostics: Int

  public init(
    maximumFileSize: Int = 64 << 20, maximumNesting: Int = 64, maximumNodes: Int = 5_000_000,
    maximumItems: Int = 200_000, maximumTextLength: Int = 10_000, maximumDiagnostics: Int = 200
  ) {
    self.maximumFileSize = maximumFileSize
    self.maximumNesting = maximumNesting
    self.maximumNodes = maximumNodes
    self.maximumItems = maximumItems
    self.maximumTextLength = maximumTextLength
    self.maximumDiagnostics = maximumDiagnostics
  }

  public static let standard = DeckLimits()
}
