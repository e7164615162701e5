import Foundation

/// Hands out card and fact ids for imported items: stable across re-imports of the same file, and
/// never used twice in one deck.
public struct ItemIdentifiers: Sendable {
  private var used: Set<String> = []

  public init(reserved: some Sequence<String> = []) {
    used = Set(reserved)
  }

  /// An id from a source id (a GUID, a GIFT title, an `id` column) if it is a valid deck id,
  /// else a readable id derived from `fallback` text. Repeats get `-2`, `-3`….
  public mutating func claim(preferred: String?, fallback: String) -> String {
    var base: String
    if let preferred, Self.isValid(preferred) {
      base = preferred
    } else if let preferred, !preferred.isEmpty {
      // An id from elsewhere that Recall cannot keep as is: keep it recognisable, and add a hash
      // of the original so two ids that clean up alike stay apart.
      let cleaned = Self.slug(preferred, limit: 40)
      let hash = Self.shortHash(preferred)
      base = cleaned.isEmpty ? "id-\(hash)" : "\(cleaned)-\(hash)"
    } else {
      base = Self.slug(fallback, limit: 48)
      if base.isEmpty { base = "card" }
    }
    var candidate = base
    var counter = 2
    while used.contains(candidate) {
      candidate = "\(base)-\(counter)"
      counter += 1
    }
    used.insert(candidate)
    return candidate
  }

  /// Whether Recall accepts `id` as a fact or card id.
  public static func isValid(_ id: String) -> Bool { DeckIdentifier.isValidItemID(id) }

  /// Lowercase ASCII words joined by `-`, at most `limit` characters, cut at a word boundary:
  /// "Who led Brigade 141?" → "who-led-brigade-141".
  public static func slug(_ text: String, limit: Int) -> String {
    var words: [String] = []
    var current = ""
    for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        current.unicodeScalars.append(scalar)
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue
      } else if !current.isEmpty {
        words.append(current.lowercased())
        current = ""
      }
    }
    if !current.isEmpty { words.append(current.lowercased()) }
    var result = ""
    for word in words {
      let next = result.isEmpty ? word : result + "-" + word
      if next.count > limit {
        if result.isEmpty { result = String(word.prefix(limit)) }
        break
      }
      result = next
    }
    return result
  }

  /// Six hex digits of FNV-1a over the UTF-8 bytes: short, and the same on every machine.
  public static func shortHash(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0100_0000_01b3
    }
    let hex = String(hash & 0xFF_FFFF, radix: 16)
    return String(repeating: "0", count: 6 - hex.count) + hex
  }
}
