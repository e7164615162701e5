import Foundation

/// Proposes deck facts from an article by rule: dated events, people, units and
/// organisations, places, figures, and statements for cloze questions. Each proposal cites its
/// line and carries a confidence; the teacher decides.
///
/// The rules look only at the words around dates, numbers and capitalised names (prepositions,
/// titles, appositions, nouns of kind), so they carry over to articles they were never tuned to.
public struct DraftExtractor: Sendable {
  public init() {}

  /// Every proposal, most confident first within each kind, in the order of the text.
  public func propose(_ article: Article) -> [DraftProposal] {
    var run = Run(article: article)
    run.prepare()
    run.findEntities()
    run.findEvents()
    run.findQuantities()
    run.findStatements()
    run.addEntityProposals()
    return run.finish()
  }

  struct Run {
    let article: Article
    var sentences: [DraftSentence] = []
    var book = EntityBook()
    /// Named events ("the Battle of Mazhiq"), by key.
    var eventNames: [String: String] = [:]
    var proposals: [DraftProposal] = []
    /// Character ranges per sentence already used by a figure or date, so a statement does not
    /// repeat them.
    var usedSentences: [Int: Int] = [:]

    init(article: Article) { self.article = article }

    mutating func prepare() {
      var common: Set<String> = []
      var prepared: [DraftSentence] = []
      for (index, sentence) in article.sentences.enumerated() {
        let characters = Array(sentence.text)
        let tokens = Tokenizer.tokens(sentence.text)
        for token in tokens where token.text.first?.isLowercase == true {
          common.insert(token.text)
        }
        prepared.append(
          DraftSentence(
            index: index, source: sentence, characters: characters, tokens: tokens, spans: []))
      }
      for index in prepared.indices {
        prepared[index].spans = NameSpans.find(
          in: prepared[index].tokens, sentence: prepared[index].characters, commonWords: common)
      }
      sentences = prepared
      findDates()
    }

    /// Dates with their years, then dates without, each given the year its context means.
    mutating func findDates() {
      var explicit: [[(year: Int, month: Int?)]] = []
      for sentence in sentences {
        let found = DateFinder.find(in: sentence.text) { _ in nil }
        explicit.append(
          found.compactMap { mention in
            // A year that names something ("the 1917 General Strike") is not the time the
            // narrative is at, so it never supplies the year of a later "19 February". Nor does a decade or a century ("later in the 1920s"): it cannot give a day its
            // year.
            guard !mention.yearInferred, !mention.yearMissing, !mention.attributive,
              let date = mention.date, date.precision >= .year
            else {
              return nil
            }
            let point = date.end ?? date.start
            return (point.year, point.month)
          })
      }
      let titleYear = article.title.flatMap { title in
        title.split(separator: " ").compactMap { Int($0) }.first { (1000...2100).contains($0) }
      }
      for index in sentences.indices {
        let paragraph = sentences[index].source.paragraph
        let context = { (month: Int?) -> Int? in
          if let own = explicit[index].first { return own.year }
          if let month {
            for distance in 1...3 {
              for candidate in [index + distance, index - distance]
              where explicit.indices.contains(candidate) {
                if let same = explicit[candidate].first(where: { $0.month == month }) {
                  return same.year
                }
              }
            }
          }
          if let earlier = explicit[..<index].last(where: { !$0.isEmpty })?.last {
            return earlier.year
          }
          for later in index..<explicit.count
          where self.sentences[later].source.paragraph == paragraph {
            if let year = explicit[later].first { return year.year }
          }
          return titleYear
        }
        sentences[index].dates = DateFinder.find(in: sentences[index].text, contextYear: context)
      }
    }

    mutating func findEntities() {
      for sentence in sentences {
        for span in sentence.spans { classify(span, in: sentence) }
        notePlaceLists(in: sentence)
      }
      book.resolveSurnames()
      // A second pass: names first seen without evidence may be known now.
      for sentence in sentences {
        for span in sentence.spans where book.find(span.text) == nil {
          classify(span, in: sentence)
        }
        noteOtherNames(in: sentence)
        noteRegions(in: sentence)
      }
      book.resolveSurnames()
      book.foldSurnames()
      for sentence in sentences { noteRoles(in: sentence) }
    }

    func finish() -> [DraftProposal] {
      var seen: [String: Int] = [:]
      var result: [DraftProposal] = []
      for var proposal in proposals {
        let key =
          "\(proposal.kind.rawValue)|"
          + proposal.fields.map { "\($0.key)=\($0.value)" }
          .joined(separator: "|").lowercased()
        if seen[key] != nil { continue }
        seen[key] = result.count
        proposal.confidence = (proposal.confidence * 100).rounded() / 100
        result.append(proposal)
      }
      var ids = Set<String>()
      for index in result.indices {
        let base = DraftExtractor.slug(result[index].headline, kind: result[index].kind)
        var id = base
        var suffix = 2
        while ids.contains(id) {
          id = "\(base)-\(suffix)"
          suffix += 1
        }
        ids.insert(id)
        result[index].id = id
      }
      return result.sorted { ($0.line, $0.kindOrder) < ($1.line, $1.kindOrder) }
    }
  }

  /// A deck id from a title: "Battle of Świecino" → "battle-swiecino".
  public static func deckID(from title: String) -> String {
    slug(title, kind: .statement)
  }

  /// A fact id from its headline: lowercase words joined by hyphens, at most six words.
  static func slug(_ text: String, kind: Fact.Kind) -> String {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    var words: [String] = []
    var current = ""
    for scalar in folded.unicodeScalars {
      if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    let skipped: Set<String> = ["the", "a", "an", "of", "and", "in", "on", "to", "was", "were"]
    let kept = words.filter { !skipped.contains($0) }.prefix(6)
    let slug = kept.joined(separator: "-")
    return slug.isEmpty ? kind.rawValue : String(slug.prefix(60))
  }

  /// "lieutenant" → "a lieutenant"; a phrase that starts with an article keeps it.
  static func withArticle(_ phrase: String) -> String {
    let lower = phrase.lowercased()
    for article in ["a ", "an ", "the ", "his ", "her ", "their ", "its ", "one "]
    where lower.hasPrefix(article) {
      return phrase.first?.isUppercase == true && phrase.first != "I"
        ? phrase.prefix(1).lowercased() + phrase.dropFirst() : phrase
    }
    if lower.hasPrefix("then-") || lower.hasPrefix("himself ") || lower.hasPrefix("herself ") {
      return phrase
    }
    let vowel = lower.first.map { "aeiou".contains($0) } ?? false
    return (vowel ? "an " : "a ") + phrase
  }

  /// A word that reads as a verb form: "-ed", "-ing", or a common irregular past.
  static func isVerbLike(_ word: String) -> Bool {
    let lower = word.lowercased()
    if Verb.irregularPast[lower] != nil { return true }
    if ["was", "were", "is", "are", "had", "has", "have", "did", "would", "could"].contains(lower) {
      return true
    }
    return (lower.hasSuffix("ed") || lower.hasSuffix("ing")) && lower.count > 4
  }
}

extension DraftProposal {
  /// Events first, then figures, people, groups, places and statements, within a line.
  var kindOrder: Int {
    switch kind {
    case .event: 0
    case .quantity: 1
    case .person: 2
    case .unit, .organization: 3
    case .place: 4
    case .statement: 5
    }
  }
}
