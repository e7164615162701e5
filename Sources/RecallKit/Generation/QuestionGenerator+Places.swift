/// Questions about places: each known-for sentence with the place blanked, and where it lies.
///
/// Templates for known-for sentences are numbered (`sentence-1-cloze`): add new sentences at the
/// end of the list to keep the ids of the existing ones.
extension QuestionGenerator {
  func placeQuestions(_ fact: Fact, _ place: Fact.Place) -> [Question] {
    var result: [Question] = []
    // Sentences that can be made false, with the places that would make them so.
    var alterable: [(original: String, blanked: String, wrong: [Fact])] = []
    let blankedKnownFor = index.factPosition[fact.id].flatMap { index.blankedKnownFor[$0] } ?? []
    for (offset, sentence) in place.knownFor.enumerated() {
      guard offset < blankedKnownFor.count, let blanked = blankedKnownFor[offset] else { continue }
      let number = offset + 1
      // The places the blanked sentence is true of; this place is among them.
      let alsoTrue = owners(ofBlanked: blanked)
      // Shown as a sentence even when the author's starts with a lower-case word.
      let shown = English.sentence(blanked)
      let explanation = explanation(fact, [sentence])
      // A negative sentence or an open list is true of places the deck never mentions:
      // swapping another place in proves nothing, and the blank has no single answer.
      if Self.isOpenSlot(shown) { continue }
      // A blank that other places fill just as well has no single typed answer.
      if alsoTrue.allSatisfy({ $0 == index.factPosition[fact.id] }) {
        result.append(
          make(
            fact, .sentenceCloze(number), .cloze, prompt: shown, expected: .text(fact.names),
            explanation: explanation))
      }
      var random = randomness(fact, .sentenceChoice(number))
      if let wrong = placeDistractors(
        for: fact, type: place.type, sentence: shown, alsoTrueOf: alsoTrue, using: &random)
      {
        alterable.append((sentence, shown, wrong))
        result.append(
          makeChoice(
            fact, .sentenceChoice(number), prompt: shown, answer: place.name,
            distractors: wrong.compactMap(\.displayName), explanation: explanation,
            using: &random))
      }
    }
    if let region = place.region {
      let regionFact = index.entityByName[English.folded(region)].map { deck.facts[$0] }
      let regionNames = regionFact?.names ?? []
      var regionProse = Self.regionProse(region)
      var regionType: String?
      if case .place(let area) = regionFact?.content {
        regionProse = Self.prose(area)
        regionType = area.type
      }
      // "In which area…?" has several right answers (the bay, the province, the country); the
      // question names the kind of place it asks for, or is not asked.
      if let kind = Self.regionKind(named: region, type: regionType) {
        let preposition = Self.onKinds.contains(kind) ? "on" : "in"
        result.append(
          make(
            fact, .regionShort, .short,
            prompt: English.question(
              "\(English.capitalizingFirst(preposition)) which \(kind) does \(Self.prose(place)) lie"
            ),
            expected: .text([region] + regionNames.filter { $0 != region }),
            explanation: explanation(
              fact, ["\(Self.prose(place)) lies \(preposition) \(regionProse)"])))
      }
    }
    if !alterable.isEmpty {
      var random = randomness(fact, .truefalse)
      let chosen = alterable[random.next(below: alterable.count)]
      let other = chosen.wrong[random.next(below: chosen.wrong.count)]
      if let question = makeTrueFalse(
        fact, trueStatement: chosen.original,
        falseStatement: Self.fill(chosen.blanked, with: other),
        explanation: explanation(fact, [chosen.original]), using: &random)
      {
        result.append(question)
      }
    }
    return result
  }

  /// The sentence with its blanks filled by another place (or person, or group), adding or
  /// dropping the "the" before each blank as that name wants.
  static func fill(_ blanked: String, with fact: Fact) -> String {
    let name = fact.displayName ?? ""
    let wantsArticle: Bool =
      switch fact.content {
      case .place(let place): prose(place).hasPrefix("the ") && !isSettlement(place)
      case .group(let group): prose(group).hasPrefix("the ")
      default: false
      }
    let bare = name.lowercased().hasPrefix("the ") ? String(name.dropFirst(4)) : name
    var result = ""
    var rest = Substring(blanked)
    while let range = rest.range(of: English.blank) {
      var before = String(rest[..<range.lowerBound])
      let hasArticle =
        before.lowercased().hasSuffix("the ")
        && (before.count == 4 || before.dropLast(4).last?.isLetter == false)
      if hasArticle && !wantsArticle {
        before.removeLast(4)
        result += before + bare
      } else if !hasArticle && wantsArticle {
        result += before + ((result + before).isEmpty ? "The " : "the ") + bare
      } else {
        result += before + bare
      }
      rest = rest[range.upperBound...]
    }
    return result + rest
  }

  private static let negations: Set<String> = [
    "no", "not", "never", "none", "nothing", "neither", "nor", "failed", "unable",
    "nowhere", "hardly",
  ]
  private static let listMarkers = ["such as", "including", "like", "among them", "for example"]

  /// Whether swapping a name into the blank could leave the sentence true: it denies
  /// something ("made no further gains around _____"), or the blank sits in a list that need
  /// not be complete ("villages such as _____, Kutllovc and Barë").
  static func isOpenSlot(_ blanked: String) -> Bool {
    let words = English.words(of: blanked)
    if words.contains(where: negations.contains) || blanked.contains("n't") { return true }
    guard let range = blanked.range(of: English.blank) else { return false }
    let before = blanked[..<range.lowerBound].lowercased()
    let after = blanked[range.upperBound...]
    let lead = before.suffix(40)
    if listMarkers.contains(where: { lead.contains($0 + " ") }) { return true }
    // A name right before or after, joined by a comma or "and", makes the blank one of a list.
    let tail = before.trimmingCharacters(in: .whitespaces)
    if tail.hasSuffix(",") || tail.hasSuffix(" and") || tail.hasSuffix(" or") {
      let original = String(blanked[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
      let word = original.dropLast(tail.hasSuffix(",") ? 1 : tail.hasSuffix(" or") ? 3 : 4)
        .split(separator: " ").last
      if let first = word?.first, first.isUppercase { return true }
    }
    let next = after.trimmingCharacters(in: .whitespaces)
    if next.hasPrefix("and ") || next.hasPrefix("or ") {
      let following = next.drop { $0 != " " }.dropFirst()
      if let first = following.first, first.isUppercase { return true }
    }
    // "_____, Kutllovc and Barë": a comma, then names joined by "and" or commas.
    if next.hasPrefix(", ") {
      let words = Array(next.dropFirst(2).split(separator: " ").prefix(6))
      if let first = words.first?.first, first.isUppercase,
        let joint = words.indices.dropFirst().first(where: {
          words[$0] == "and" || words[$0] == "or" || words[$0 - 1].hasSuffix(",")
        }), joint <= 3, joint < words.count
      {
        let following = words[joint] == "and" || words[joint] == "or" ? joint + 1 : joint
        if following < words.count, words[following].first?.isUppercase == true { return true }
      }
    }
    return false
  }

  /// The kind of place a region is, to name in the question ("In which province…?"): the
  /// type of its own place fact, or the kind its name ends with ("the Miura Peninsula"); nil
  /// when neither says, or says only "region" or "area", which a place lies in several of.
  static func regionKind(named region: String, type: String?) -> String? {
    if let type {
      let folded = English.folded(type)
      return vagueKinds.contains(folded) || folded.isEmpty ? nil : folded
    }
    guard let last = English.words(of: English.folded(region)).last else { return nil }
    return kindsByName[last]
  }

  private static let vagueKinds: Set<String> = [
    "region", "area", "zone", "land", "lands", "territory", "place", "location", "site",
  ]

  /// Kinds of place a name can end with, and how a question names them.
  private static let kindsByName: [String: String] = [
    "peninsula": "peninsula", "island": "island", "bay": "bay", "gulf": "gulf", "sea": "sea",
    "lake": "lake", "river": "river", "valley": "valley", "forest": "forest", "woods": "forest",
    "desert": "desert", "plain": "plain", "province": "province", "county": "county",
    "prefecture": "prefecture", "duchy": "duchy", "kingdom": "kingdom", "empire": "empire",
    "coast": "coast", "delta": "delta", "basin": "basin", "mountains": "mountain range",
    "hills": "hills", "oblast": "province", "governorate": "province", "district": "district",
  ]

  /// Kinds of place something lies on rather than in: a town on a river, on a peninsula.
  private static let onKinds: Set<String> = [
    "river", "coast", "peninsula", "island", "lake", "bay",
  ]

  /// Words after which a region's name takes "the": "the Mediterranean", "the Balkans",
  /// "the Rhine valley".
  private static let theRegions: Set<String> = [
    "mediterranean", "atlantic", "pacific", "caribbean", "baltic", "adriatic", "aegean",
    "sea", "ocean", "channel", "gulf", "strait", "woods", "forest", "river", "hills", "range",
    "plateau", "marshes", "isthmus", "archipelago", "heights", "straits", "valley", "peninsula",
    "desert", "islands", "mountains", "alps", "balkans", "highlands", "lowlands", "netherlands",
    "region", "coast", "basin", "plain", "plains", "steppe", "levant", "sahara", "crimea",
    "caucasus", "punjab", "ruhr", "riviera", "delta",
  ]

  /// A region named in a sentence, with "the" where English wants one ("lies in the
  /// Mediterranean", but "lies in northern Kosovo").
  static func regionProse(_ region: String) -> String {
    let words = English.words(of: English.folded(region))
    guard let first = region.first, first.isUppercase, let last = words.last,
      !region.lowercased().hasPrefix("the ")
    else { return region }
    return theRegions.contains(last) ? "the " + region : region
  }

  static func isSettlement(_ place: Fact.Place) -> Bool {
    ["village", "town", "city", "hamlet", "settlement"].contains(English.folded(place.type))
  }

  /// A place's name as it reads in a sentence: "the village of Barë", "the Bajgora region".
  static func prose(_ place: Fact.Place) -> String {
    let type = English.folded(place.type)
    if place.name.lowercased().hasPrefix("the ") { return place.name }
    if ["village", "town", "city", "hamlet"].contains(type) {
      return "the \(type) of \(place.name)"
    }
    if place.aliases.contains(where: { English.folded($0) == "the " + English.folded(place.name) })
      || English.mentions(type, in: place.name)
    {
      return "the " + place.name
    }
    return place.name
  }
}
