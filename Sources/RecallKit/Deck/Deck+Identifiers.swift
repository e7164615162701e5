extension Deck {
  /// Whether `id` can name a deck: 1 to 64 lowercase ASCII letters, digits, `-`, `_` or `.`,
  /// starting with a letter or digit, never `..` (ids become file names in the deck folder).
  public static func isValidID(_ id: String) -> Bool { DeckIdentifier.isValidDeckID(id) }
}
