import Foundation

/// Glosses in a prompt, the quoted or bracketed words that explain a term ("_____, "the war of
/// the rats""), and the typed answers they give away ("rat war"). A gloss is a fair cue to a
/// foreign word; accepting its own words back as the answer tests nothing.
enum Gloss {
  /// The prompt and answers with nothing given away: answers whose words a gloss already shows
  /// are no longer accepted; when the answer to show is one of them, the gloss is taken out of
  /// the prompt instead, and every answer kept.
  static func withoutGivenAway(prompt: String, answers: [String]) -> (
    prompt: String, answers: [String]
  ) {
    let glosses = self.glosses(in: prompt)
    guard !glosses.isEmpty else { return (prompt, answers) }
    let glossWords = Set(glosses.flatMap { contentWords(of: $0.text) })
    let kept = answers.filter { answer in
      let words = contentWords(of: answer)
      return words.isEmpty || !words.allSatisfy(glossWords.contains)
    }
    if let shown = answers.first, kept.first == shown { return (prompt, kept) }
    var stripped = prompt
    for gloss in glosses.reversed() { stripped.removeSubrange(gloss.range) }
    return (English.sentence(tidied(stripped)), answers)
  }

  /// Quoted and bracketed stretches of the prompt that hold no blank, each with the comma or
  /// space that sets it off.
  static func glosses(in prompt: String) -> [(text: String, range: Range<String.Index>)] {
    // Most prompts hold no quote or bracket at all: a look at their bytes spares reading each
    // of their characters (a tenth of `recall check` on 100,000 facts in `perf record`). A
    // byte 0xE2 may begin a curly quote.
    guard prompt.utf8.contains(where: { $0 == 0x22 || $0 == 0x28 || $0 == 0xE2 }) else {
      return []
    }
    var result: [(text: String, range: Range<String.Index>)] = []
    var index = prompt.startIndex
    while index < prompt.endIndex {
      let character = prompt[index]
      guard let closer = closers[character],
        let close = prompt[prompt.index(after: index)...].firstIndex(of: closer)
      else {
        index = prompt.index(after: index)
        continue
      }
      let inner = String(prompt[prompt.index(after: index)..<close])
      let end = prompt.index(after: close)
      if !inner.contains(English.blank), !inner.isEmpty {
        // Take the ", " or " " before it with it, so the sentence closes up when it goes.
        var start = index
        let before = prompt[..<index]
        if before.hasSuffix(", ") {
          start = prompt.index(index, offsetBy: -2)
        } else if before.hasSuffix(" ") {
          start = prompt.index(before: index)
        }
        result.append((inner, start..<end))
      }
      index = end
    }
    return result
  }

  private static let closers: [Character: Character] = [
    "\"": "\"", "“": "”", "(": ")",
  ]

  private static let stopWords: Set<String> = ["the", "a", "an", "of", "s"]

  /// The answer's words that carry meaning, singular: "rats' war" → rat, war.
  private static func contentWords(of text: String) -> [String] {
    English.words(of: English.folded(text)).filter { !stopWords.contains($0) }.map { word in
      word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss")
        ? String(word.dropLast()) : word
    }
  }

  private static func tidied(_ text: String) -> String {
    var result = English.trimmed(text)
    while result.contains("  ") { result = result.replacingOccurrences(of: "  ", with: " ") }
    for (loose, tight) in [(" .", "."), (" ,", ","), (" ?", "?"), (",.", ".")] {
      result = result.replacingOccurrences(of: loose, with: tight)
    }
    return result
  }
}
